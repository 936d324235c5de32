// The constant text of action_plan.xlsx's XML parts (action_plan_parts.cc).
#pragma once
#include <string_view>

namespace fidelity::report::parts {

extern const std::string_view kContentTypesBegin;
extern const std::string_view kContentTypesSharedStrings;
extern const std::string_view kContentTypesEnd;
extern const std::string_view kRootRels;
extern const std::string_view kWorkbookRelsBegin;
extern const std::string_view kWorkbookRelsSharedStrings;
extern const std::string_view kWorkbookRelsEnd;
extern const std::string_view kAppBegin;
extern const std::string_view kAppMiddle;
extern const std::string_view kAppEnd;
extern const std::string_view kCoreBegin;
extern const std::string_view kCoreEnd;
extern const std::string_view kWorkbookBegin;
extern const std::string_view kWorkbookMiddle;
extern const std::string_view kWorkbookEnd;
extern const std::string_view kSharedStringsBegin;
extern const std::string_view kSheetBegin;
extern const std::string_view kSheetViewsAndColumns;
extern const std::string_view kSheetEnd;
extern const std::string_view kStylesBegin;
extern const std::string_view kFillsDefaultAndHeader;
extern const std::string_view kFillPriority;
extern const std::string_view kStylesMiddle;
extern const std::string_view kXfDefault;
extern const std::string_view kXfTitle;
extern const std::string_view kXfHeader;
extern const std::string_view kXfPriority;
extern const std::string_view kXfCenter;
extern const std::string_view kXfWrap;
extern const std::string_view kStylesEnd;
extern const std::string_view kTheme;

}  // namespace fidelity::report::parts
