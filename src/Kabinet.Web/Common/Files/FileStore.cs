using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Kabinet.Web.Data;

namespace Kabinet.Web.Common.Files;

/// <summary>A file the store has taken: its key, size and SHA-256.</summary>
public sealed record StoredFile(string Key, long Size, string Sha256);

/// <summary>
/// Uploaded files (document scans, lesson files, message attachments) on local disk, under &lt;DataDirectory&gt;/documents/&lt;yyyy&gt;/&lt;random id&gt; — outside the web root, no name a
/// person typed in any path. A file is written to a temporary name, flushed to disk and then renamed, so a
/// half-written file never has a key.
/// </summary>
public sealed partial class FileStore(DatabaseSettings settings, TimeProvider time)
{
    private const string TempPrefix = ".upload-";

    public string Root { get; } = Path.Combine(settings.DataDirectory, "documents");

    /// <summary>Copies the content into the store; at most <paramref name="maxBytes"/> are accepted (null — more were sent).</summary>
    public async Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var year = time.GetUtcNow().UtcDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(Root, year);
        Directory.CreateDirectory(folder);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var temp = Path.Combine(folder, TempPrefix + id);
        try
        {
            long size = 0;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        file.Close();
                        File.Delete(temp);
                        return null;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(temp, Path.Combine(folder, id));
            return new StoredFile($"{year}/{id}", size, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The full path of a stored file, or null when the key is not one the store gives out or the file is missing.</summary>
    public string? PathOf(string key)
    {
        if (!KeyFormat().IsMatch(key))
            return null;
        var path = Path.Combine(Root, key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Takes back a file whose record could not be saved.</summary>
    public void Discard(string key)
    {
        if (KeyFormat().IsMatch(key))
            File.Delete(Path.Combine(Root, key));
    }

    [GeneratedRegex("^[0-9]{4}/[0-9a-f]{32}$")]
    private static partial Regex KeyFormat();
}
