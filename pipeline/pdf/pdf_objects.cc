#include "pipeline/pdf/pdf_objects.h"

#include <libdeflate.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "pipeline/core/stage_timer.h"
#include "pipeline/core/text.h"
#include "pipeline/pdf/flate.h"

namespace fidelity::pdf {
namespace {

constexpr size_t kUnwritten = static_cast<size_t>(-1);
constexpr long kPow10[] = {1, 10, 100, 1000, 10000};

// A 16-byte /ID that depends on every byte written (it names the file; it
// is not a security feature): CRC-32 and Adler-32 of the whole, CRC-32 of
// the second half, and the length.
std::string HashId(std::string_view bytes) {
  const uint32_t whole = libdeflate_crc32(0, bytes.data(), bytes.size());
  const uint32_t adler = libdeflate_adler32(1, bytes.data(), bytes.size());
  const size_t half = bytes.size() / 2;
  const uint32_t tail = libdeflate_crc32(0, bytes.data() + half, bytes.size() - half);
  std::string hex;
  for (uint32_t v : {whole, adler, tail, static_cast<uint32_t>(bytes.size())}) {
    AppendHex4(hex, v >> 16);
    AppendHex4(hex, v & 0xFFFF);
  }
  return hex;
}

}  // namespace

void AppendInt(std::string& out, long v) {
  char buf[24];
  char* p = buf + sizeof buf;
  bool neg = v < 0;
  unsigned long u = neg ? 0ul - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  if (neg) *--p = '-';
  out.append(p, buf + sizeof buf - p);
}

void AppendNumber(std::string& out, double v, int decimals) {
  if (decimals < 0) decimals = 0;
  if (decimals > 4) decimals = 4;
  if (!std::isfinite(v) || std::fabs(v) > 1e12) v = 0;
  long scaled = std::lround(v * kPow10[decimals]);
  if (scaled < 0) out += '-';
  unsigned long u = scaled < 0 ? 0ul - static_cast<unsigned long>(scaled) : scaled;
  AppendInt(out, static_cast<long>(u / kPow10[decimals]));
  unsigned long frac = u % kPow10[decimals];
  if (frac == 0) return;
  int digits = decimals;
  while (frac % 10 == 0) {
    frac /= 10;
    --digits;
  }
  out += '.';
  std::string f = std::to_string(frac);
  out.append(static_cast<size_t>(digits) - f.size(), '0');
  out += f;
}

void AppendTextString(std::string& out, std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii = ascii && c >= 0x20 && c < 0x7F;
  if (ascii) {
    out += '(';
    for (char c : utf8) {
      if (c == '(' || c == ')' || c == '\\') out += '\\';
      out += c;
    }
    out += ')';
    return;
  }
  out += "<FEFF";
  for (char32_t c : Utf8ToCodepoints(utf8)) AppendUtf16Hex(out, c);
  out += '>';
}

void AppendHex4(std::string& out, unsigned v) {
  static const char kHex[] = "0123456789ABCDEF";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(v >> shift) & 0xF];
}

void AppendUtf16Hex(std::string& out, char32_t c) {
  if (c < 0x10000) return AppendHex4(out, c);
  char32_t v = c - 0x10000;
  AppendHex4(out, 0xD800 + (v >> 10));
  AppendHex4(out, 0xDC00 + (v & 0x3FF));
}

std::string Ref(int object) { return std::to_string(object) + " 0 R"; }

PdfObjects::PdfObjects() {
  out_.reserve(128 * 1024);
  // A binary comment line: file transfer tools keep the file binary.
  out_ += "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
}

int PdfObjects::Reserve() {
  offsets_.push_back(kUnwritten);
  return static_cast<int>(offsets_.size());
}

std::string& PdfObjects::Begin(int number) {
  if (number < 1 || static_cast<size_t>(number) > offsets_.size() ||
      offsets_[number - 1] != kUnwritten)
    throw std::logic_error("PdfObjects::Begin: object " + std::to_string(number));
  offsets_[number - 1] = out_.size();
  AppendInt(out_, number);
  out_ += " 0 obj\n";
  return out_;
}

void PdfObjects::End() { out_ += "\nendobj\n"; }

void PdfObjects::Stream(int number, std::string_view dict_entries, std::string_view data) {
  std::string deflated;
  {
    StageScope timer(Stage::kCompress);
    deflated = FlateCompress(data);
  }
  WriteStream(number, dict_entries, deflated);
}

void PdfObjects::DeflatedStream(int number, std::string_view dict_entries,
                                std::string_view deflated) {
  WriteStream(number, dict_entries, deflated);
}

void PdfObjects::WriteStream(int number, std::string_view dict_entries, std::string_view body) {
  std::string& out = Begin(number);
  out += "<< ";
  out += dict_entries;
  out += " /Filter /FlateDecode";
  out += " /Length ";
  AppendInt(out, static_cast<long>(body.size()));
  out += " >>\nstream\n";
  out += body;
  out += "\nendstream";
  End();
}

std::string PdfObjects::Finish(int root, int info) {
  for (size_t i = 0; i < offsets_.size(); ++i)
    if (offsets_[i] == kUnwritten)
      throw std::logic_error("PdfObjects::Finish: object " + std::to_string(i + 1) + " not written");
  const size_t xref = out_.size();
  out_ += "xref\n0 ";
  AppendInt(out_, static_cast<long>(offsets_.size() + 1));
  out_ += "\n0000000000 65535 f \n";
  for (size_t offset : offsets_) {
    char entry[21];
    for (int i = 9; i >= 0; --i, offset /= 10) entry[i] = static_cast<char>('0' + offset % 10);
    std::char_traits<char>::copy(entry + 10, " 00000 n \n", 10);
    out_.append(entry, 20);
  }
  const std::string id = HashId(out_);
  out_ += "trailer\n<< /Size ";
  AppendInt(out_, static_cast<long>(offsets_.size() + 1));
  out_ += " /Root " + Ref(root) + " /Info " + Ref(info) + " /ID [<" + id + "> <" + id + ">] >>\n";
  out_ += "startxref\n";
  AppendInt(out_, static_cast<long>(xref));
  out_ += "\n%%EOF\n";
  return std::move(out_);
}

}  // namespace fidelity::pdf
