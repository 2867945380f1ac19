using ContainerOpt.Core.Json;

namespace ContainerOpt.Images.Tests.Reporting;

[TestClass]
public sealed class JsonTests
{
    [TestMethod]
    public void ReadsEveryKindWithEscapesAndExactNumbers()
    {
        JsonValue value = JsonReader.Parse("{\"s\":\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\",\"n\":9007199254740993,\"f\":-1.5e3,\"t\":true,\"x\":false,\"z\":null,\"a\":[1,[],{}],\"s\":\"last\"}");
        Assert.AreEqual("last", value["s"]!.AsString);
        Assert.AreEqual("a\"b\\c/\né😀", value.Members[0].Value.AsString);
        Assert.AreEqual(9007199254740993L, value["n"]!.AsInt64);
        Assert.AreEqual(-1500.0, value["f"]!.AsDouble);
        Assert.IsNull(value["f"]!.AsInt64);
        Assert.IsTrue(value["t"]!.IsTrue);
        Assert.AreEqual(JsonKind.False, value["x"]!.Kind);
        Assert.AreEqual(JsonKind.Null, value["z"]!.Kind);
        Assert.AreEqual(3, value["a"]!.Items.Count);
        Assert.IsNull(value["missing"]);
        Assert.IsNull(value["a"]!["x"]);
    }

    [TestMethod]
    [DataRow("", "Invalid JSON at offset 0: unexpected end of input.")]
    [DataRow("{\"a\":1,}", "Invalid JSON at offset 7: expected a member name in double quotes.")]
    [DataRow("[1 2]", "Invalid JSON at offset 3: expected ',' or ']' in an array.")]
    [DataRow("\"abc", "Invalid JSON at offset 4: unterminated string.")]
    [DataRow("01", "Invalid JSON at offset 1: unexpected text after the JSON value.")]
    [DataRow("\"\\x\"", "Invalid JSON at offset 2: unknown escape '\\x'.")]
    [DataRow("tru", "Invalid JSON at offset 0: expected 'true'.")]
    [DataRow("{} {}", "Invalid JSON at offset 3: unexpected text after the JSON value.")]
    public void BadJsonIsAFormatExceptionWithTheOffset(string text, string message)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => JsonReader.Parse(text));
        Assert.AreEqual(message, error.Message);
    }

    [TestMethod]
    public void DepthIsLimited()
    {
        JsonReader.Parse(new string('[', 128) + new string(']', 128));
        var error = Assert.ThrowsExactly<FormatException>(() => JsonReader.Parse(new string('[', 100000)));
        Assert.AreEqual("Invalid JSON at offset 129: nesting deeper than 128 levels.", error.Message);
    }

    [TestMethod]
    public void WriterEscapesPerRfc8259AndIndents()
    {
        var text = new StringWriter();
        var json = new JsonWriter(text);
        json.StartObject();
        json.Property("s", "q\"b\\n\n\t\u0001\u2028é");
        json.Name("e");
        json.StartArray();
        json.EndArray();
        json.Name("a");
        json.StartArray();
        json.Number(1.5);
        json.Null();
        json.Boolean(true);
        json.EndArray();
        json.EndObject();
        Assert.AreEqual("{\n  \"s\": \"q\\\"b\\\\n\\n\\t\\u0001\\u2028é\",\n  \"e\": [],\n  \"a\": [\n    1.5,\n    null,\n    true\n  ]\n}", text.ToString());
        Assert.AreEqual("q\"b\\n\n\t\u0001\u2028é", JsonReader.Parse(text.ToString())["s"]!.AsString);
    }
}
