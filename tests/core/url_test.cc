#include "core/url.h"

#include <gtest/gtest.h>

namespace lede::core {
namespace {

TEST(DomainOf, DropsSchemeWwwPortAndPath) {
  EXPECT_EQ(domain_of("https://www.apnews.com/article/x?y=1"), "apnews.com");
  EXPECT_EQ(domain_of("http://Engineering.Fernhill.io:8080/"), "engineering.fernhill.io");
  EXPECT_EQ(domain_of("//cdn.example.org/a"), "cdn.example.org");
  EXPECT_EQ(domain_of("/relative/path"), "");
  EXPECT_EQ(domain_of(""), "");
}

TEST(ResolveUrl, MakesRelativeLinksAbsolute) {
  EXPECT_EQ(resolve_url("https://x.com/news/a.html", "/img/b.jpg"), "https://x.com/img/b.jpg");
  EXPECT_EQ(resolve_url("https://x.com/news/a.html", "b.jpg"), "https://x.com/news/b.jpg");
  EXPECT_EQ(resolve_url("https://x.com/news/a.html", "//cdn.x.com/c.jpg"),
            "https://cdn.x.com/c.jpg");
  EXPECT_EQ(resolve_url("https://x.com/a", "http://y.org/z"), "http://y.org/z");
  EXPECT_EQ(resolve_url("", "/img/b.jpg"), "/img/b.jpg");
}

}  // namespace
}  // namespace lede::core
