// A small JSON value and a deterministic writer (keys in insertion order,
// fixed number formatting), for scores.json and run.json; plus a reader
// for last cycle's scores.json.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace fidelity {

class Json {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Json() = default;                      // null
  Json(std::nullptr_t) {}                // null
  Json(bool b) : type_(Type::kBool), b_(b) {}
  Json(int v) : Json(static_cast<long long>(v)) {}
  Json(long v) : Json(static_cast<long long>(v)) {}
  Json(long long v) : type_(Type::kNumber), num_(std::to_string(v)) {}
  Json(double v);                         // shortest round-trip text
  Json(const char* s) : type_(Type::kString), str_(s) {}
  Json(std::string s) : type_(Type::kString), str_(std::move(s)) {}
  static Json Number(std::string literal);  // literal must be valid JSON number text
  static Json Array() { Json j; j.type_ = Type::kArray; return j; }
  static Json Object() { Json j; j.type_ = Type::kObject; return j; }

  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool as_bool() const { return b_; }
  const std::string& as_string() const { return str_; }
  const std::string& number_text() const { return num_; }
  double as_double() const;
  long long as_int() const;

  // Arrays
  Json& push(Json v);
  size_t size() const { return type_ == Type::kArray ? arr_.size() : obj_.size(); }
  const Json& operator[](size_t i) const { return arr_[i]; }
  const std::vector<Json>& items() const { return arr_; }
  // Objects: set keeps the first position of a key and replaces its value.
  Json& set(const std::string& key, Json v);
  const Json* get(const std::string& key) const;  // nullptr when absent
  const std::vector<std::pair<std::string, Json>>& members() const { return obj_; }

  // indent < 0: compact on one line; else pretty with that many spaces.
  std::string Dump(int indent = 2) const;
  // Throws std::runtime_error("line N: …") on bad JSON.
  static Json Parse(const std::string& text);

 private:
  void DumpTo(std::string& out, int indent, int depth) const;
  Type type_ = Type::kNull;
  bool b_ = false;
  std::string num_;
  std::string str_;
  std::vector<Json> arr_;
  std::vector<std::pair<std::string, Json>> obj_;
};

std::string JsonEscape(const std::string& s);

}  // namespace fidelity
