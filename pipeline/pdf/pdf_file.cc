#include "pipeline/pdf/pdf_file.h"

#include <algorithm>
#include <set>

#include "pipeline/pdf/content_stream.h"
#include "pipeline/pdf/font_embed.h"
#include "pipeline/pdf/pdf_objects.h"

namespace fidelity::pdf {
namespace {

void AppendInfo(std::string& out, const char* key, const std::string& value) {
  if (value.empty()) return;
  out += ' ';
  out += key;
  out += ' ';
  AppendTextString(out, value);
}

int WriteInfo(PdfObjects& pdf, const PdfInfo& info) {
  const int n = pdf.Reserve();
  std::string& out = pdf.Begin(n);
  out += "<<";
  AppendInfo(out, "/Title", info.title);
  AppendInfo(out, "/Author", info.author);
  AppendInfo(out, "/Subject", info.subject);
  AppendInfo(out, "/Keywords", info.keywords);
  AppendInfo(out, "/Creator", info.creator);
  out += " /Producer (fidelity) >>";
  pdf.End();
  return n;
}

// One outline item: title, parent, siblings, children, destination.
struct OutlineItem {
  int object = 0, parent = 0, prev = 0, next = 0, first = 0, last = 0, count = 0;
  const PdfBookmark* mark = nullptr;
};

// Level-0 entries with their level-1 children (closed: negative /Count);
// returns the /Outlines object, 0 when there are no bookmarks.
int WriteOutlines(PdfObjects& pdf, const std::vector<PdfBookmark>& marks,
                  const std::vector<int>& page_objects) {
  if (marks.empty() || page_objects.empty()) return 0;
  const int root = pdf.Reserve();
  std::vector<OutlineItem> items;
  std::vector<size_t> top;
  for (const PdfBookmark& b : marks) {
    OutlineItem item{.object = pdf.Reserve(), .mark = &b};
    if (b.level > 0 && !top.empty()) {
      OutlineItem& parent = items[top.back()];
      item.parent = parent.object;
      if (parent.last) {
        item.prev = parent.last;
        for (OutlineItem& o : items)
          if (o.object == parent.last) o.next = item.object;
      } else {
        parent.first = item.object;
      }
      parent.last = item.object;
      --parent.count;
    } else {
      item.parent = root;
      if (!top.empty()) {
        item.prev = items[top.back()].object;
        items[top.back()].next = item.object;
      }
      top.push_back(items.size());
    }
    items.push_back(item);
  }
  for (const OutlineItem& o : items) {
    std::string& out = pdf.Begin(o.object);
    out += "<< /Title ";
    AppendTextString(out, o.mark->title);
    out += " /Parent " + Ref(o.parent);
    if (o.prev) out += " /Prev " + Ref(o.prev);
    if (o.next) out += " /Next " + Ref(o.next);
    if (o.first) out += " /First " + Ref(o.first) + " /Last " + Ref(o.last) + " /Count " + std::to_string(o.count);
    int page = std::clamp(o.mark->page, 0, static_cast<int>(page_objects.size()) - 1);
    out += " /Dest [" + Ref(page_objects[page]) + " /XYZ null ";
    AppendNumber(out, o.mark->top);
    out += " null] >>";
    pdf.End();
  }
  std::string& out = pdf.Begin(root);
  out += "<< /Type /Outlines /First " + Ref(items[top.front()].object) + " /Last " +
         Ref(items[top.back()].object) + " /Count " + std::to_string(top.size()) + " >>";
  pdf.End();
  return root;
}

// The one resource dictionary every page shares.
void WriteResources(PdfObjects& pdf, int number, const std::vector<int>& fonts,
                    const std::set<int>& opacities) {
  std::string& out = pdf.Begin(number);
  out += "<< /ProcSet [/PDF /Text] /Font <<";
  for (size_t i = 0; i < fonts.size(); ++i) out += " /F" + std::to_string(i + 1) + " " + Ref(fonts[i]);
  out += " >>";
  if (!opacities.empty()) {
    out += " /ExtGState <<";
    for (int o : opacities) {
      out += ' ' + OpacityStateName(o) + " << /Type /ExtGState /ca ";
      AppendNumber(out, o / 1000.0, 3);
      out += " >>";
    }
    out += " >>";
  }
  out += " >>";
  pdf.End();
}

void WriteCatalog(PdfObjects& pdf, int catalog, int pages, int outlines, const PdfInfo& info) {
  std::string& out = pdf.Begin(catalog);
  out += "<< /Type /Catalog /Pages " + Ref(pages);
  if (outlines) out += " /Outlines " + Ref(outlines) + " /PageMode /UseOutlines";
  if (!info.lang.empty()) {
    out += " /Lang ";
    AppendTextString(out, info.lang);
  }
  out += " /ViewerPreferences << /DisplayDocTitle true >> >>";
  pdf.End();
}

}  // namespace

std::string WritePdf(const std::vector<std::vector<DrawOp>>& pages, double width, double height,
                     const FontMetrics& metrics, const std::vector<const EmbeddedFont*>& fonts,
                     const PdfInfo& info, const std::vector<PdfBookmark>& bookmarks) {
  PdfObjects pdf;
  const int catalog = pdf.Reserve(), page_tree = pdf.Reserve(), resources = pdf.Reserve();
  const int info_object = WriteInfo(pdf, info);
  std::vector<int> font_objects;
  for (const EmbeddedFont* f : fonts) font_objects.push_back(WriteType0Font(pdf, metrics, *f));

  const GlyphCoder coder(fonts);
  std::set<int> opacities;
  std::vector<int> page_objects;
  std::string media_box = "[0 0 ";
  AppendNumber(media_box, width, 3);
  media_box += ' ';
  AppendNumber(media_box, height, 3);
  media_box += ']';
  for (const std::vector<DrawOp>& ops : pages) {
    const int page = pdf.Reserve(), content = pdf.Reserve();
    page_objects.push_back(page);
    pdf.Begin(page) += "<< /Type /Page /Parent " + Ref(page_tree) + " /MediaBox " + media_box +
                       " /Resources " + Ref(resources) + " /Contents " + Ref(content) + " >>";
    pdf.End();
    pdf.Stream(content, "", PageContent(ops, height, coder, opacities));
  }
  WriteResources(pdf, resources, font_objects, opacities);
  std::string& tree = pdf.Begin(page_tree);
  tree += "<< /Type /Pages /Kids [";
  for (size_t i = 0; i < page_objects.size(); ++i) tree += (i ? " " : "") + Ref(page_objects[i]);
  tree += "] /Count " + std::to_string(page_objects.size()) + " >>";
  pdf.End();
  const int outlines = WriteOutlines(pdf, bookmarks, page_objects);
  WriteCatalog(pdf, catalog, page_tree, outlines, info);
  return pdf.Finish(catalog, info_object);
}

}  // namespace fidelity::pdf
