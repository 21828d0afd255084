// HTML tree construction (WHATWG HTML, section 13.2.6) into lede's arena DOM:
// every insertion mode, implied end tags, the adoption agency algorithm,
// foster parenting, <template> and foreign content (SVG, MathML). Scripting is
// off. Template contents become children of the <template> element.
//
// Adversarial input stays linear: the list of active formatting elements is
// capped, open-element counts per tag answer most "in scope" questions without
// a scan, and the scans that remain draw on a work budget proportional to the
// input; once it is spent they look only at the top of the stack.
//
// Not thread-safe; reuse one TreeBuilder per thread to keep its buffers.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "html/tokenizer.h"

namespace lede::html {

// The document's DOCTYPE, which lede's DOM has no node for.
struct DoctypeInfo {
  bool present = false;
  std::string name;
  std::string public_id;
  std::string system_id;
  bool has_public_id = false;
  bool has_system_id = false;
  uint32_t index = 0;  // its position among the document's children
};

enum class QuirksMode : uint8_t { kNoQuirks, kQuirks, kLimitedQuirks };

class TreeBuilder {
 public:
  TreeBuilder();

  // Parses a whole document into `doc`.
  void parse(std::string_view html, Document &doc, const DomLimits &limits);

  // Parses `html` as the content of a context element (the HTML fragment
  // parsing algorithm). The result is the children of an <html> element that
  // is the document root's only child.
  void parse_fragment(std::string_view html, std::string_view context_name, Namespace context_ns,
                      Document &doc, const DomLimits &limits);

  const DoctypeInfo &doctype() const { return doctype_; }
  QuirksMode quirks_mode() const { return quirks_; }

 private:
  enum class Mode : uint8_t;
  enum class Scope : uint8_t { kDefault, kListItem, kButton, kTable };

  struct NodeMeta {
    uint32_t depth = 0;
    uint8_t flags = 0;
    bool on_stack = false;
    bool in_afe = false;
  };

  struct Place {
    NodeId parent;
    NodeId before;
  };

  void start(std::string_view html, Document &doc, const DomLimits &limits);
  void run();
  void bound_depth();  // lifts content below limits_.max_depth after adoptions

  // Dispatch.
  void process(Token &t);
  void process_in(Mode m, Token &t);
  void reprocess(Mode m, Token &t);
  bool use_html_rules(const Token &t) const;

  void initial(Token &t);
  void before_html(Token &t);
  void before_head(Token &t);
  void in_head(Token &t);
  void in_head_noscript(Token &t);
  void after_head(Token &t);
  void in_body(Token &t);
  void in_body_start_tag(Token &t);
  void in_body_end_tag(Token &t);
  void in_body_any_other_end_tag(const Token &t);
  void text(Token &t);
  void in_table(Token &t);
  void in_table_anything_else(Token &t);
  void in_table_text(Token &t);
  void in_caption(Token &t);
  void in_column_group(Token &t);
  void in_table_body(Token &t);
  void in_row(Token &t);
  void in_cell(Token &t);
  void in_template(Token &t);
  void after_body(Token &t);
  void in_frameset(Token &t);
  void after_frameset(Token &t);
  void after_after_body(Token &t);
  void after_after_frameset(Token &t);
  void foreign_content(Token &t);

  // Node creation and insertion.
  NodeId create_for_token(const Token &t, Namespace ns);
  NodeId clone_element(NodeId src);
  void note_created(NodeId n, uint8_t flags);
  Place appropriate_place(NodeId target);
  void insert_at(Place place, NodeId n);
  NodeId insert_html(const Token &t);
  NodeId insert_html_named(Tag tag);
  NodeId insert_foreign(const Token &t, Namespace ns);
  void insert_text(std::string_view s);
  void insert_comment(const Token &t, NodeId parent);
  void raw_text_element(const Token &t, TokenizerState state);

  // The stack of open elements.
  NodeId current() const { return open_.empty() ? 0 : open_.back(); }
  NodeId adjusted_current() const;
  void push(NodeId n);
  void pop();
  void remove_from_stack(size_t index);
  void pop_until(Tag tag);
  void pop_until_node(NodeId n);
  void pop_until_heading();
  bool in_scope(Tag tag, Scope scope);
  bool node_in_scope(NodeId n, Scope scope);
  bool heading_in_scope();
  bool is_boundary(NodeId n, Scope scope) const;
  bool is_special(NodeId n) const;
  bool is_html(NodeId n, Tag tag) const { return doc_->is(n, tag); }
  Tag html_tag(NodeId n) const;
  size_t scan_floor();
  void charge(size_t steps) { budget_ -= static_cast<int64_t>(steps); }
  void generate_implied_end_tags(Tag except = Tag::kUnknown);
  void generate_all_implied_end_tags();
  void close_p();
  void clear_to_context(uint32_t tag_mask);
  void reset_insertion_mode();
  void close_cell();

  // Active formatting elements.
  void push_formatting(NodeId n);
  void reconstruct_formatting();
  void clear_formatting_to_marker();
  void push_marker() { afe_.push_back(kMarker); }
  void remove_formatting(NodeId n);
  bool same_attributes(NodeId a, NodeId b);
  bool adoption_agency(const Token &t);

  void set_doctype(const Token &t);

  static constexpr NodeId kMarker = 0;  // the document root is never a formatting element

  Tokenizer tokenizer_;
  DocumentBuilder *b_ = nullptr;
  Document *doc_ = nullptr;
  DomLimits limits_;
  bool depth_noted_ = false;
  bool adopted_ = false;  // the adoption agency moved subtrees

  Mode mode_{};
  Mode original_mode_{};
  std::vector<Mode> template_modes_;
  std::vector<NodeId> open_;
  std::vector<NodeId> afe_;
  std::vector<NodeMeta> meta_;
  std::array<uint32_t, static_cast<size_t>(Tag::kCount)> open_count_{};
  std::array<uint32_t, 1024> unknown_open_count_{};  // by hash of the name
  NodeId head_ = kNoNode;
  NodeId form_ = kNoNode;
  NodeId context_ = kNoNode;  // fragment parsing only
  bool frameset_ok_ = true;
  bool foster_parenting_ = false;
  bool skip_newline_ = false;
  // Set by an end of file in "in template": run() processes the end of file
  // again, a loop where the algorithm recurses once per open template (pages
  // can nest 100,000 and overflow the stack; see tests/html hostile input).
  bool eof_again_ = false;
  QuirksMode quirks_ = QuirksMode::kNoQuirks;
  DoctypeInfo doctype_;
  int64_t budget_ = 0;

  std::string pending_text_;  // in table text
  bool pending_has_non_space_ = false;
  std::string scratch_;
  std::vector<std::pair<uint32_t, uint32_t>> scratch_attrs_;
  std::vector<std::string_view> cmp_a_;
  std::vector<std::string_view> cmp_b_;
};

}  // namespace lede::html
