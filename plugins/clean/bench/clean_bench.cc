// Throughput of the clean stage, one thread: MB/s of input on plain-text news and on HTML pages.
//
//   build/bin/bench_clean [--mb N] [--reps N] [--only plain|dirty|html]
//
// Inputs are generated here (news-like text written from a word list: paragraphs, curly quotes,
// dashes, accented names, a header line, datelines; some documents with CRLF line ends, double
// spaces and hard-wrapped lines) and wrapped in HTML page templates (head, styles, scripts,
// navigation, links, entities, footer). When ../shared/data is present, its BBC articles and
// CNN/DailyMail documents are measured too. Each document goes through StageHarness::run()
// exactly as the engine runs a stage; building the Document is not timed. Times are the
// thread's CPU time (the machine is shared with other jobs), best of --reps runs.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "docpipe/plugin.h"
#include "docpipe/testing.h"

namespace {

// Thread CPU time: the machine is shared, and wall time would count other processes' turns.
double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

const char* const kWords[] = {"the",          "of",
                              "and",          "to",
                              "in",           "a",
                              "said",         "officials",
                              "government",   "would",
                              "on",           "that",
                              "for",          "with",
                              "was",          "talks",
                              "minister",     "president",
                              "on Monday",    "last week",
                              "according to", "agreement",
                              "economic",     "military",
                              "security",     "meeting",
                              "leaders",      "percent",
                              "million",      "country",
                              "report",       "people",
                              "city",         "international",
                              "council",      "election",
                              "market",       "prices",
                              "energy",       "support",
                              "foreign",      "capital",
                              "region",       "visit",
                              "delegation",   "spokesperson",
                              "statement",    "decision",
                              "plans",        "cooperation"};
const char* const kNames[] = {"Ana Lu\xC3\xADsa",
                              "Jos\xC3\xA9 Mart\xC3\xADnez",
                              "Zo\xC3\xAB Dubois",
                              "Kim",
                              "Putin",
                              "M\xC3\xBCller",
                              "Smith",
                              "Nakamura",
                              "\xC3\x85sa Berg"};
const char* const kPlaces[] = {"WASHINGTON", "LONDON", "BEIJING", "MOSCOW", "GENEVA", "NAIROBI"};

std::string sentence(std::mt19937& rng) {
  std::string s;
  const int n = 8 + static_cast<int>(rng() % 22);
  for (int i = 0; i < n; ++i) {
    if (i > 0) s += ' ';
    const unsigned r = rng() % 100;
    if (r < 6) {
      s += kNames[rng() % std::size(kNames)];
    } else if (r < 8) {
      s += std::to_string(rng() % 2000);
    } else if (r < 9) {
      s += "\xE2\x80\x94";  // em dash
    } else {
      s += kWords[rng() % std::size(kWords)];
    }
  }
  s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  if (rng() % 5 == 0)
    return "\xE2\x80\x9C" + s + ",\xE2\x80\x9D the official\xE2\x80\x99s aide said.";
  return s + ".";
}

// A news article; `dirty` adds CRLF line ends, double spaces and hard-wrapped lines.
std::string article(std::mt19937& rng, bool dirty) {
  std::string text;
  if (rng() % 3 == 0) text += " date 2023-09-0" + std::to_string(1 + rng() % 9) + " ";
  const int paragraphs = 6 + static_cast<int>(rng() % 10);
  for (int p = 0; p < paragraphs; ++p) {
    if (p > 0) text += dirty ? "\r\n\r\n" : "\n\n";
    if (p == 1) text += std::string(kPlaces[rng() % std::size(kPlaces)]) + " \xE2\x80\x94 ";
    const int sentences = 1 + static_cast<int>(rng() % 4);
    std::size_t line_start = text.size();
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) text += dirty && rng() % 3 == 0 ? "  " : " ";
      text += sentence(rng);
      if (dirty && text.size() - line_start > 72) {
        const std::size_t space = text.rfind(' ');
        if (space != std::string::npos && space > line_start) {
          text.replace(space, 1, "\r\n");
          line_start = space + 2;
        }
      }
    }
  }
  return text + (dirty ? "\r\n" : "\n");
}

std::string escape_html(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else
      out.push_back(c);
  }
  return out;
}

// An HTML page around an article: the markup news sites carry.
std::string page(std::mt19937& rng, const std::string& body_text) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      "<title>Officials meet &mdash; World News</title>\n"
      "<meta name=\"description\" content=\"Leaders met on Monday.\">\n"
      "<meta property=\"article:published_time\" content=\"2023-09-04T10:00:00Z\">\n"
      "<link rel=\"stylesheet\" href=\"/static/site.css\">\n"
      "<style>body{font-family:Georgia,serif;margin:0}.nav a{color:#333;padding:4px}"
      ".story p{line-height:1.6;margin:0 0 1em}.ad{display:block;min-height:250px}</style>\n"
      "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
      "gtag('js',new Date());gtag('config','UA-000000-1');var x=1<2&&3>2;</script>\n"
      "</head><body class=\"article-page\">\n<header class=\"site-header\"><a href=\"/\">"
      "World News</a></header>\n<nav class=\"nav\"><ul>";
  for (int i = 0; i < 12; ++i) {
    h += "<li><a href=\"/section/" + std::to_string(i) + "\">Section " + std::to_string(i) +
         "</a></li>";
  }
  h += "</ul></nav>\n<main><article class=\"story\">\n<h1>Officials meet to discuss plans</h1>\n"
       "<p class=\"byline\">By <a href=\"/by/staff\">Staff Writer</a></p>\n";
  std::size_t start = 0;
  int p = 0;
  while (start < body_text.size()) {
    std::size_t end = body_text.find("\n\n", start);
    if (end == std::string::npos) end = body_text.size();
    std::string para = escape_html(body_text.substr(start, end - start));
    if (rng() % 3 == 0) {
      const std::size_t sp = para.find(' ', para.size() / 2);
      if (sp != std::string::npos) para.insert(sp + 1, "<a href=\"/topic/x\">"), para += "</a>";
    }
    h += "<p>" + para + "</p>\n";
    if (++p % 4 == 0) {
      h += "<div class=\"ad\"><script>googletag.cmd.push(function(){googletag.display('ad-" +
           std::to_string(p) + "');});</script></div>\n";
    }
    start = end + 2;
  }
  h += "</article>\n<aside><h2>Most read</h2><ol>";
  for (int i = 0; i < 5; ++i)
    h += "<li><a href=\"/story/" + std::to_string(i) + "\">Another story headline here</a></li>";
  h += "</ol></aside></main>\n<footer><p>&copy; 2023 World News. All rights reserved.</p>";
  for (int i = 0; i < 8; ++i)
    h += "<a href=\"/legal/" + std::to_string(i) + "\">Link " + std::to_string(i) + "</a> ";
  h += "</footer>\n<script src=\"/static/app.js\"></script>\n</body></html>\n";
  return h;
}

std::vector<std::string> read_shared_news() {
  std::vector<std::string> docs;
  const std::filesystem::path root =
      std::filesystem::path(DOCPIPE_SHARED_DIR) / "data" / "summ" / "bbc" / "articles";
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return docs;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(ss.str());
  }
  return docs;
}

struct Result {
  double mb_per_s;
  std::size_t bytes;
  std::size_t docs;
};

Result measure(const std::vector<std::string>& texts, int reps) {
  auto harness = docpipe::testing::StageHarness::create(docpipe_plugin_entry());
  if (!harness.ok()) {
    std::fprintf(stderr, "%s\n", harness.status().ToString().c_str());
    std::exit(1);
  }
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  double best = 1e100;
  for (int r = 0; r < reps; ++r) {
    std::vector<docpipe::Document> docs;
    docs.reserve(texts.size());
    for (const auto& t : texts) docs.emplace_back("bench", t);
    // The stage is timed, and freeing each document after it, as the engine's stream does.
    const double t0 = cpu_seconds();
    for (auto& d : docs) {
      docpipe::Status s = harness->run(d);
      if (!s.ok()) {
        std::fprintf(stderr, "%s\n", s.ToString().c_str());
        std::exit(1);
      }
      d = docpipe::Document("done", std::string());
    }
    best = std::min(best, cpu_seconds() - t0);
  }
  return {bytes / best / 1e6, bytes, texts.size()};
}

void report(const char* name, const Result& r) {
  std::printf("%-34s %8.1f MB/s   (%zu docs, %.1f MB)\n", name, r.mb_per_s, r.docs, r.bytes / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 64;
  int reps = 3;
  std::string only;  // plain | dirty | html: measure one kind (for profiling)
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--mb") mb = std::atof(argv[i + 1]);
    if (a == "--reps") reps = std::atoi(argv[i + 1]);
    if (a == "--only") only = argv[i + 1];
  }
  const std::size_t target = static_cast<std::size_t>(mb * 1e6);
  std::mt19937 rng(2023);
  std::vector<std::string> clean_news, dirty_news, html_pages;
  std::size_t total = 0;
  while (total < target) {
    clean_news.push_back(article(rng, false));
    total += clean_news.back().size();
  }
  total = 0;
  while (total < target) {
    dirty_news.push_back(article(rng, true));
    total += dirty_news.back().size();
  }
  total = 0;
  while (total < target) {
    html_pages.push_back(page(rng, article(rng, false)));
    total += html_pages.back().size();
  }
  std::printf("clean stage, one thread, best of %d\n", reps);
  if (only.empty() || only == "plain") report("plain news (tidy)", measure(clean_news, reps));
  if (only.empty() || only == "dirty") {
    report("plain news (CRLF, wrapped, spaces)", measure(dirty_news, reps));
  }
  if (only.empty() || only == "html") report("HTML pages", measure(html_pages, reps));
  if (only == "dump-html") {
    for (std::size_t i = 0; i < html_pages.size() && i < 200; ++i) {
      std::ofstream("/tmp/cleanwork/pages/" + std::to_string(i) + ".html") << html_pages[i];
    }
  }
  if (!only.empty()) return 0;
  const std::vector<std::string> shared = read_shared_news();
  if (!shared.empty()) {
    report("shared BBC articles", measure(shared, reps));
    std::vector<std::string> shared_html;
    for (const auto& t : shared) shared_html.push_back(page(rng, t));
    report("shared BBC articles as HTML pages", measure(shared_html, reps));
  } else {
    std::printf("(../shared/data not found: shared corpora skipped)\n");
  }
  return 0;
}
