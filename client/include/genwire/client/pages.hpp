// genwire/client/pages.hpp: every item of every page of a paged endpoint, fetched lazily, one
// page at a time, each page a call with the client's retries:
//
//   auto all = flora.items<genwire::flora::list_generations_endpoint>({.limit = 50});
//   for (const genwire::flora::generation& g : all) ...;
//   if (all.error()) std::cerr << all.error()->message() << '\n';  // the walk stopped early
//
// The range is single-pass and refers to its client, which must outlive it. How an endpoint
// pages (cursor, offset + total, offset until a short page) is its binding's items()/next().
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include <genwire/core/encode.hpp>
#include <genwire/core/options.hpp>
#include <genwire/core/query.hpp>

#include "binding.hpp"
#include "result.hpp"
#include "settings.hpp"

namespace genwire::client {

// What a paged endpoint's pages hold, one by one.
template <paged_endpoint D>
using item_of = std::remove_cvref_t<decltype(*std::begin(endpoint_binding<D>::items(std::declval<const typename D::response&>())))>;

template <api_provider P, paged_endpoint D, genwire::options Opts>
class item_range {
  using binding = endpoint_binding<D>;
  using request = typename D::request;
  using response = typename D::response;

 public:
  using item = item_of<D>;

  class iterator {
   public:
    using value_type = item;
    using difference_type = std::ptrdiff_t;
    using iterator_concept = std::input_iterator_tag;

    iterator() = default;
    const item& operator*() const { return range_->current(); }
    const item* operator->() const { return &range_->current(); }
    iterator& operator++() {
      range_->advance();
      return *this;
    }
    void operator++(int) { ++*this; }
    friend bool operator==(const iterator& it, std::default_sentinel_t) { return it.at_end(); }

   private:
    [[nodiscard]] bool at_end() const { return !range_ || range_->done(); }
    friend item_range;
    explicit iterator(item_range* r) : range_(r) {}
    item_range* range_ = nullptr;
  };

  static_assert(std::input_iterator<iterator> && std::sentinel_for<std::default_sentinel_t, iterator>);

  item_range(const item_range&) = delete;
  item_range& operator=(const item_range&) = delete;

  // Fetches the first page (once).
  iterator begin() {
    if (!started_) {
      started_ = true;
      fetch();
      settle();
    }
    return iterator(this);
  }
  [[nodiscard]] std::default_sentinel_t end() const noexcept { return {}; }

  // Why the walk ended before the last page, or nullptr.
  [[nodiscard]] const call_error<D>* error() const noexcept { return error_ ? &*error_ : nullptr; }
  // Pages fetched so far, and the latest one (its totals, cursors).
  [[nodiscard]] std::size_t pages() const noexcept { return pages_; }
  [[nodiscard]] const response* last_page() const noexcept { return page_ ? &*page_ : nullptr; }

 private:
  friend class client<P>;
  item_range(client<P>& c, request first, call_options options)
      : client_(&c), next_(std::move(first)), options_(std::move(options)) {}

  [[nodiscard]] std::span<const item> items() const { return page_ ? std::span<const item>(binding::items(*page_)) : std::span<const item>{}; }
  [[nodiscard]] bool done() const { return index_ >= items().size(); }
  const item& current() const { return items()[index_]; }

  void advance() {
    ++index_;
    settle();
  }

  // Moves past empty pages until an item or the end.
  void settle() {
    while (index_ >= items().size() && next_) fetch();
  }

  void fetch() {
    request rq = std::move(*next_);
    next_.reset();
    index_ = 0;
    auto r = client_->template call<D, Opts>(rq, options_);
    if (!r) {
      error_.emplace(r.error());
      index_ = items().size();  // the walk ends; last_page() stays the last page that came
      return;
    }
    ++pages_;
    page_.emplace(std::move(*r));
    next_ = binding::next(rq, *page_);
    // A server that hands back the request it was just asked (the same cursor) would page forever.
    if (next_ && same_request(*next_, rq)) {
      next_.reset();
      // Its items are still walked; the error says why there are no more.
      genwire::error repeat{genwire::errc::constraint, "$", 0, "a next page that differs from this one",
                            "the same request again after page " + std::to_string(pages_)};
      error_.emplace(invalid_response{200, std::move(repeat), {}}, 1);
    }
  }

  static bool same_request(const request& a, const request& b) {
    if constexpr (D::request_in == genwire::request_location::query_string) {
      auto x = genwire::encode_query<Opts>(a), y = genwire::encode_query<Opts>(b);
      return x && y && *x == *y;
    } else {
      auto x = genwire::encode<Opts>(a), y = genwire::encode<Opts>(b);
      return x && y && *x == *y;
    }
  }

  client<P>* client_;
  std::optional<request> next_;
  call_options options_;
  std::optional<response> page_;
  std::optional<call_error<D>> error_;
  std::size_t index_ = 0;
  std::size_t pages_ = 0;
  bool started_ = false;
};

}  // namespace genwire::client
