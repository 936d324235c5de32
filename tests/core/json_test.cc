#include "pipeline/core/json.h"

#include <gtest/gtest.h>

namespace fidelity {
namespace {

TEST(Json, DumpsInInsertionOrderAndParsesBack) {
  Json o = Json::Object();
  o.set("b", 1);
  o.set("a", Json());
  o.set("name", "就労支援");
  Json arr = Json::Array();
  arr.push(25);
  arr.push(125);
  o.set("range", arr);
  o.set("x", 22.5);
  EXPECT_EQ(o.Dump(-1), R"({"b":1,"a":null,"name":"就労支援","range":[25,125],"x":22.5})");
  Json back = Json::Parse(o.Dump());
  EXPECT_EQ(back.Dump(-1), o.Dump(-1));
  EXPECT_EQ(back.get("range")->items()[1].as_int(), 125);
}

TEST(Json, ParseErrorsNameTheLine) {
  try {
    Json::Parse("{\n\"a\": 1,\n}");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace fidelity
