#include "pipeline/core/json.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "pipeline/core/text.h"

namespace fidelity {

Json::Json(double v) : type_(Type::kNumber) {
  if (!std::isfinite(v)) {
    type_ = Type::kNull;
    return;
  }
  if (v == std::floor(v) && std::fabs(v) < 1e15) {
    num_ = std::to_string(static_cast<long long>(v));
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);  // shortest round trip
  num_.assign(buf, r.ptr);
}

Json Json::Number(std::string literal) {
  Json j;
  j.type_ = Type::kNumber;
  j.num_ = std::move(literal);
  return j;
}

double Json::as_double() const { return type_ == Type::kNumber ? std::stod(num_) : 0.0; }
long long Json::as_int() const {
  return type_ == Type::kNumber ? static_cast<long long>(std::llround(std::stod(num_))) : 0;
}

Json& Json::push(Json v) {
  type_ = Type::kArray;
  arr_.push_back(std::move(v));
  return arr_.back();
}

Json& Json::set(const std::string& key, Json v) {
  type_ = Type::kObject;
  for (auto& kv : obj_)
    if (kv.first == key) return kv.second = std::move(v);
  obj_.emplace_back(key, std::move(v));
  return obj_.back().second;
}

const Json* Json::get(const std::string& key) const {
  for (const auto& kv : obj_)
    if (kv.first == key) return &kv.second;
  return nullptr;
}

std::string JsonEscape(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          out += b;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

std::string Json::Dump(int indent) const {
  std::string out;
  DumpTo(out, indent, 0);
  if (indent >= 0) out += '\n';
  return out;
}

void Json::DumpTo(std::string& out, int indent, int depth) const {
  auto nl = [&](int d) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * d), ' ');
  };
  switch (type_) {
    case Type::kNull: out += "null"; break;
    case Type::kBool: out += b_ ? "true" : "false"; break;
    case Type::kNumber: out += num_; break;
    case Type::kString: out += JsonEscape(str_); break;
    case Type::kArray: {
      out += '[';
      // Arrays of scalars stay on one line: easier to read and diff.
      bool flat = true;
      for (const auto& v : arr_)
        if (v.type_ == Type::kArray || v.type_ == Type::kObject) flat = false;
      for (size_t i = 0; i < arr_.size(); ++i) {
        if (i) out += flat && indent >= 0 ? ", " : ",";
        if (!flat) nl(depth + 1);
        arr_[i].DumpTo(out, indent, depth + 1);
      }
      if (!flat && !arr_.empty()) nl(depth);
      out += ']';
      break;
    }
    case Type::kObject: {
      out += '{';
      for (size_t i = 0; i < obj_.size(); ++i) {
        if (i) out += ',';
        nl(depth + 1);
        out += JsonEscape(obj_[i].first);
        out += indent >= 0 ? ": " : ":";
        obj_[i].second.DumpTo(out, indent, depth + 1);
      }
      if (!obj_.empty()) nl(depth);
      out += '}';
      break;
    }
  }
}

namespace {

class Parser {
 public:
  explicit Parser(const std::string& t) : t_(t) {}
  Json ParseAll() {
    Json v = Value(0);
    Ws();
    if (i_ != t_.size()) Fail("trailing characters");
    return v;
  }

 private:
  [[noreturn]] void Fail(const std::string& what) {
    int line = 1;
    for (size_t k = 0; k < i_ && k < t_.size(); ++k) line += t_[k] == '\n';
    throw std::runtime_error("line " + std::to_string(line) + ": " + what);
  }
  void Ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\n' || t_[i_] == '\r' || t_[i_] == '\t')) ++i_;
  }
  bool Lit(const char* w) {
    size_t n = std::char_traits<char>::length(w);
    if (t_.compare(i_, n, w) == 0) {
      i_ += n;
      return true;
    }
    return false;
  }
  Json Value(int depth) {
    if (depth > 64) Fail("nested too deeply");
    Ws();
    if (i_ >= t_.size()) Fail("unexpected end");
    char c = t_[i_];
    if (c == '{') {
      ++i_;
      Json o = Json::Object();
      Ws();
      if (i_ < t_.size() && t_[i_] == '}') { ++i_; return o; }
      for (;;) {
        Ws();
        if (i_ >= t_.size() || t_[i_] != '"') Fail("expected a key");
        std::string k = Str();
        Ws();
        if (i_ >= t_.size() || t_[i_] != ':') Fail("expected ':'");
        ++i_;
        o.set(k, Value(depth + 1));
        Ws();
        if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
        if (i_ < t_.size() && t_[i_] == '}') { ++i_; return o; }
        Fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      ++i_;
      Json a = Json::Array();
      Ws();
      if (i_ < t_.size() && t_[i_] == ']') { ++i_; return a; }
      for (;;) {
        a.push(Value(depth + 1));
        Ws();
        if (i_ < t_.size() && t_[i_] == ',') { ++i_; continue; }
        if (i_ < t_.size() && t_[i_] == ']') { ++i_; return a; }
        Fail("expected ',' or ']'");
      }
    }
    if (c == '"') return Json(Str());
    if (Lit("true")) return Json(true);
    if (Lit("false")) return Json(false);
    if (Lit("null")) return Json();
    size_t s = i_;
    while (i_ < t_.size() && (std::isdigit(static_cast<unsigned char>(t_[i_])) || t_[i_] == '-' ||
                              t_[i_] == '+' || t_[i_] == '.' || t_[i_] == 'e' || t_[i_] == 'E'))
      ++i_;
    if (s == i_) Fail("unexpected character");
    return Json::Number(t_.substr(s, i_ - s));
  }
  std::string Str() {
    ++i_;  // opening quote
    std::string out;
    while (i_ < t_.size() && t_[i_] != '"') {
      char c = t_[i_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i_ >= t_.size()) Fail("bad escape");
      char e = t_[i_++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          if (i_ + 4 > t_.size()) Fail("bad \\u escape");
          char32_t cp = static_cast<char32_t>(std::stoul(t_.substr(i_, 4), nullptr, 16));
          i_ += 4;
          if (cp >= 0xD800 && cp < 0xDC00 && t_.compare(i_, 2, "\\u") == 0) {
            char32_t lo = static_cast<char32_t>(std::stoul(t_.substr(i_ + 2, 4), nullptr, 16));
            i_ += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          }
          AppendUtf8(out, cp);
          break;
        }
        default: out += e;
      }
    }
    if (i_ >= t_.size()) Fail("unterminated string");
    ++i_;
    return out;
  }
  const std::string& t_;
  size_t i_ = 0;
};

}  // namespace

Json Json::Parse(const std::string& text) { return Parser(text).ParseAll(); }

}  // namespace fidelity
