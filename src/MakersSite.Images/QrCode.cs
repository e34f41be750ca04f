using System.Globalization;
using System.Text;
using QRCoder;

namespace MakersSite.Images;

/// <summary>
/// A QR code as a small SVG drawn at build time, for the print sheet of a company (job fairs, school posters): a phone
/// that scans it opens the page. One path of the dark modules on white, with the quiet zone the standard asks for.
/// </summary>
public static class QrCode
{
    public static string Svg(string text)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a fold or a smudge on a printed sheet and keeps an address of a hundred characters small.
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        // QRCoder's matrix already carries a quiet zone of 4 modules on each side.
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (!matrix[y][x]) continue;
                var run = 1;
                while (x + run < size && matrix[y][x + run]) run++;
                path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h{run}v1h-{run}z");
                x += run - 1;
            }
        }
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">" +
               $"<rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#1d1d1b\" d=\"{path}\"/></svg>\n";
    }
}
