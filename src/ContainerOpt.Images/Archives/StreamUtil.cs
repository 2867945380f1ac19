namespace ContainerOpt.Images.Archives;

/// <summary>Read helpers for forward-only streams.</summary>
internal static class StreamUtil
{
    /// <summary>Reads until <paramref name="count"/> bytes or the end; returns how many were read.</summary>
    public static int ReadAtMost(Stream stream, byte[] buffer, int offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = stream.Read(buffer, offset + total, count - total);
            if (read <= 0) break;
            total += read;
        }
        return total;
    }

    /// <summary>Reads and drops everything left; returns the number of bytes skipped.</summary>
    public static long Drain(Stream stream, byte[] scratch)
    {
        long total = 0;
        int read;
        while ((read = stream.Read(scratch, 0, scratch.Length)) > 0) total += read;
        return total;
    }
}
