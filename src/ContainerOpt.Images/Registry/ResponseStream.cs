using System.Net.Http;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// A response body read forward, owning the response: a read that gets nothing for the timeout aborts the connection,
/// and a broken or stalled connection surfaces as COPT0040 naming what was being read (a <see cref="RegistryException"/>
/// passes through the decompressors and the tar reader untouched, unlike an <see cref="IOException"/>).
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly string _registry;
    private readonly string _what;
    private readonly TimeSpan _timeout;
    private readonly Timer _watchdog;
    private volatile bool _stalled;
    private long _read;

    public ResponseStream(HttpResponseMessage response, string registry, string what, TimeSpan timeout)
    {
        _response = response;
        _registry = registry;
        _what = what;
        _timeout = timeout;
#if NET
        _body = response.Content.ReadAsStream();
#else
        _body = response.Content.ReadAsStreamAsync().GetAwaiter().GetResult();
#endif
        _watchdog = new Timer(_ =>
        {
            _stalled = true;
            _response.Dispose(); // aborts the connection: the blocked read returns with an error
        }, null, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Content-Length when the registry sent one.</summary>
    public long? Length64 => _response.Content.Headers.ContentLength;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        _watchdog.Change(_timeout, Timeout.InfiniteTimeSpan);
        try
        {
            int read = _body.Read(buffer, offset, count);
            _read += read;
            return read;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or HttpRequestException)
        {
            string progress = _read + (Length64 is { } total ? " of " + total : "") + " bytes";
            string why = _stalled
                ? $"it sent nothing for {_timeout.TotalSeconds:0.#} s while sending {_what} (after {progress}), so the read was stopped"
                : $"the connection broke while it sent {_what} (after {progress})";
            throw RegistryException.Create(e, DiagnosticCatalog.RegistryUnreachable, _registry, why);
        }
        finally
        {
            _watchdog.Change(Timeout.Infinite, Timeout.Infinite);
        }
    }

    /// <summary>Reads the whole body, refusing more than <paramref name="limit"/> bytes (manifests, configs, token answers).</summary>
    public byte[] ReadAll(int limit)
    {
        using var copy = new MemoryStream();
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > limit)
                throw RegistryException.Create(DiagnosticCatalog.RegistryFailed, _registry, "more than " + limit + " bytes", "reading " + _what, "a JSON document that large is not an image manifest or config");
            copy.Write(buffer, 0, read);
        }
        return copy.ToArray();
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _watchdog.Dispose();
            _body.Dispose();
            _response.Dispose();
        }
        base.Dispose(disposing);
    }
}
