// The PDF file format itself (PDF 32000-1 §7): numbered objects, streams,
// the cross-reference table and the trailer, written straight into one
// string. The drawing (content_stream.h), the font (font_embed.h) and the
// document structure (pdf_file.h) are built on it.
//
// Output is deterministic: the /ID is a hash of the bytes written, so the
// same objects give the same file.
//
// Example:
//   PdfObjects pdf;
//   int catalog = pdf.Reserve(), pages = pdf.Reserve();
//   pdf.Begin(catalog) << "<< /Type /Catalog /Pages " << Ref(pages) << " >>";
//   pdf.End();
//   …
//   std::string bytes = pdf.Finish(catalog, info);
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace fidelity::pdf {

// Appends `v` with at most `decimals` (≤ 4) digits after the point,
// trailing zeros dropped ("12", "0.5", "-3.14"). No locale, no printf.
void AppendNumber(std::string& out, double v, int decimals = 2);
void AppendInt(std::string& out, long v);

// A text string (PDF 32000-1 §7.9.2.2): printable ASCII as a literal
// string, anything else as UTF-16BE with a byte-order mark, in hex.
void AppendTextString(std::string& out, std::string_view utf8);

// Hex digits for PDF strings and CMaps: four for a 16-bit value ("00A5"),
// and a code point in UTF-16BE (two units outside the BMP).
void AppendHex4(std::string& out, unsigned v);
void AppendUtf16Hex(std::string& out, char32_t c);

// "N 0 R"
std::string Ref(int object);

class PdfObjects {
 public:
  PdfObjects();

  // A new object number, to be written later with Begin().
  int Reserve();
  // Starts object `number` (reserved, not yet written) and returns the
  // buffer to write its value into; End() closes it.
  std::string& Begin(int number);
  void End();
  // A whole stream object: `dict_entries` go inside its dictionary
  // (without << >>), /Length is added; `data` is deflated (FlateDecode).
  void Stream(int number, std::string_view dict_entries, std::string_view data);
  // A stream whose `deflated` data is already FlateDecode (made once and
  // written into many documents).
  void DeflatedStream(int number, std::string_view dict_entries, std::string_view deflated);

  // The cross-reference table and the trailer (/Root, /Info, /ID).
  // Throws std::logic_error when a reserved object was never written.
  std::string Finish(int root, int info);

 private:
  void WriteStream(int number, std::string_view dict_entries, std::string_view deflated);

  std::string out_;
  std::vector<size_t> offsets_;  // by object number - 1; npos: reserved only
};

}  // namespace fidelity::pdf
