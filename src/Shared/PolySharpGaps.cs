// What PolySharp (which generates netstandard2.0's missing attributes and types) does not generate: string
// extension methods, and RuntimeHelpers.GetSubArray, which C# needs for ranges over arrays (array[1..^1]).
#pragma warning disable
namespace System.Runtime.CompilerServices
{
    internal static class RuntimeHelpers
    {
        public static T[] GetSubArray<T>(T[] array, Range range)
        {
            var (offset, length) = range.GetOffsetAndLength(array.Length);
            var dest = new T[length];
            Array.Copy(array, offset, dest, 0, length);
            return dest;
        }
    }
}

namespace ContainerOpt
{
    /// <summary>String members that netstandard2.0 lacks, under the names newer frameworks use.</summary>
    internal static class StringPolyfills
    {
        public static bool Contains(this string s, char c) => s.IndexOf(c) >= 0;
        public static bool StartsWith(this string s, char c) => s.Length > 0 && s[0] == c;
        public static bool EndsWith(this string s, char c) => s.Length > 0 && s[s.Length - 1] == c;
        public static bool Contains(this string s, string value, StringComparison comparison) => s.IndexOf(value, comparison) >= 0;
        public static string Replace(this string s, string oldValue, string newValue, StringComparison comparison)
        {
            if (comparison == StringComparison.Ordinal) return s.Replace(oldValue, newValue);
            var sb = new System.Text.StringBuilder();
            int pos = 0;
            while (true)
            {
                int i = s.IndexOf(oldValue, pos, comparison);
                if (i < 0) break;
                sb.Append(s, pos, i - pos).Append(newValue);
                pos = i + oldValue.Length;
            }
            return sb.Append(s, pos, s.Length - pos).ToString();
        }
        public static string[] Split(this string s, char separator, StringSplitOptions options) => s.Split(new[] { separator }, options);
    }
}
