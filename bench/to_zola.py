#!/usr/bin/env python3
"""Turn corpus.jsonl (from gen_corpus.py) into a complete Zola site source tree.

Stdlib only.  Writes config.toml, content/ and templates/ under --out.  It does not
build anything: build it with `zola` (or the command in $ZOLA), e.g.
    python3 to_zola.py --corpus corpus.jsonl --out /tmp/gigbench/sites/zola-1000
    ${ZOLA:-zola} --root /tmp/gigbench/sites/zola-1000 build --output-dir /tmp/x --force

The same site as to_hugo.py makes, page for page: posting pages (/jobs/<id>/), /jobs/
paged by 50 (newest first), /map/ (every market) and one page per market listing its
postings, category and market taxonomies (the list of terms and a page per term),
/atom.xml (the newest 50 postings, full content) and /sitemap.xml (Zola's own).
Front matter is TOML with the same [extra] table as the Hugo site.
"""
import argparse
import os

from to_hugo import BASE_URL, SITE_TITLE, prepare_out, read_corpus, s, tv, write

CONFIG = f'''base_url = "{BASE_URL}"
title = "{SITE_TITLE}"
default_language = "zh"
compile_sass = false
build_search_index = false
generate_feeds = true
feed_filenames = ["atom.xml"]
feed_limit = 50
taxonomies = [
    {{ name = "category" }},
    {{ name = "market" }},
]
'''

TEMPLATES = {
    "base.html": '''<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>{% block title %}{% endblock title %} - {{ config.title }}</title>
<link rel="alternate" type="application/atom+xml" href="/atom.xml">
</head><body>
<header><a href="/">{{ config.title }}</a> <a href="/jobs/">全部岗位</a> <a href="/map/">零工市场地图</a> <a href="/category/">工种</a> <a href="/market/">按市场</a></header>
<main>{% block main %}{% endblock main %}</main>
</body></html>
''',
    "macros.html": '''{% macro pay(a, u) %}¥{{ a }}/{% if u == "hour" %}小时{% elif u == "day" %}天{% elif u == "piece" %}件{% else %}月{% endif %}{% endmacro pay %}
{% macro row(p) %}<li class="job"><a href="{{ p.permalink }}">{{ p.title }}</a> <span class="emp">{{ p.extra.employer }}</span> <a class="mkt" href="/map/{{ p.extra.market }}/">{{ p.extra.market_name }}</a> <a class="cat" href="/category/{{ p.extra.category }}/">{{ p.extra.category_name }}</a> <span class="pay">{{ self::pay(a=p.extra.pay_amount, u=p.extra.pay_unit) }}</span> <span class="hc">{{ p.extra.headcount }}人</span> <time>{{ p.date | date(format="%Y-%m-%d") }}</time></li>{% endmacro row %}
''',
    "index.html": '''{% extends "base.html" %}
{% block title %}首页{% endblock title %}
{% block main %}
<h1>{{ config.title }}</h1>
<p>汇集全区零工市场发布的灵活就业岗位。</p>
<ul><li><a href="/jobs/">全部岗位</a></li><li><a href="/map/">零工市场地图</a></li><li><a href="/category/">按工种浏览</a></li><li><a href="/market/">按市场浏览</a></li></ul>
{% endblock main %}
''',
    "jobs.html": '''{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ section.title }} 第{{ paginator.current_index }}页{% endblock title %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul class="jobs">
{% for p in paginator.pages %}{{ m::row(p=p) }}
{% endfor %}</ul>
<nav class="pager">{% if paginator.previous %}<a rel="prev" href="{{ paginator.previous }}">上一页</a>{% endif %} 第{{ paginator.current_index }}/{{ paginator.number_pagers }}页 {% if paginator.next %}<a rel="next" href="{{ paginator.next }}">下一页</a>{% endif %}</nav>
{% endblock main %}
''',
    "page.html": '''{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ page.title }}{% endblock title %}
{% block main %}
<article class="job">
<h1>{{ page.title }}</h1>
<dl>
<dt>编号</dt><dd>{{ page.extra.id }}</dd>
<dt>用工单位</dt><dd>{{ page.extra.employer }}</dd>
<dt>零工市场</dt><dd><a href="/map/{{ page.extra.market }}/">{{ page.extra.market_name }}</a>（{{ page.extra.league }} {{ page.extra.county }}）</dd>
<dt>工种</dt><dd><a href="/category/{{ page.extra.category }}/">{{ page.extra.category_name }}</a></dd>
<dt>薪酬</dt><dd>{{ m::pay(a=page.extra.pay_amount, u=page.extra.pay_unit) }}</dd>
<dt>招聘人数</dt><dd>{{ page.extra.headcount }}人</dd>
<dt>发布日期</dt><dd>{{ page.date | date(format="%Y-%m-%d") }}</dd>
<dt>到岗日期</dt><dd>{{ page.extra.start }}</dd>
<dt>截止日期</dt><dd>{{ page.extra.expires }}</dd>
<dt>联系电话</dt><dd><a href="tel:{{ page.extra.phone }}">{{ page.extra.phone }}</a></dd>
</dl>
<ul class="tags">{% for t in page.extra.tags %}<li>{{ t }}</li>{% endfor %}</ul>
<div class="desc">{{ page.content | safe }}</div>
</article>
{% endblock main %}
''',
    "map.html": '''{% extends "base.html" %}
{% block title %}{{ section.title }}{% endblock title %}
{% block main %}
<h1>{{ section.title }}</h1>
<ul class="map">
{% for p in section.pages %}<li data-lat="{{ p.extra.lat }}" data-lon="{{ p.extra.lon }}"><a href="{{ p.permalink }}">{{ p.title }}</a> {{ p.extra.league }} {{ p.extra.county }} 热线 {{ p.extra.hotline }}</li>
{% endfor %}</ul>
{% endblock main %}
''',
    "market.html": '''{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ page.title }}{% endblock title %}
{% block main %}
<article class="market">
<h1>{{ page.title }}</h1>
<dl>
<dt>所属盟市</dt><dd>{{ page.extra.league }}</dd>
<dt>旗县区</dt><dd>{{ page.extra.county }}</dd>
<dt>地址</dt><dd>{{ page.extra.address }}</dd>
<dt>服务时间</dt><dd>{{ page.extra.hours }}</dd>
<dt>服务热线</dt><dd><a href="tel:{{ page.extra.hotline }}">{{ page.extra.hotline }}</a></dd>
<dt>坐标</dt><dd data-lat="{{ page.extra.lat }}" data-lon="{{ page.extra.lon }}">{{ page.extra.lat }}, {{ page.extra.lon }}</dd>
</dl>
{% set term = get_taxonomy_term(kind="market", term=page.extra.slug, required=false) %}
{% if term %}<h2>在招岗位（{{ term.page_count }}）</h2>
<ul class="jobs">
{% for p in term.pages %}{{ m::row(p=p) }}
{% endfor %}</ul>{% else %}<p>暂无岗位</p>{% endif %}
</article>
{% endblock main %}
''',
    "category/list.html": '''{% extends "base.html" %}
{% block title %}工种{% endblock title %}
{% block main %}
<h1>工种</h1>
<ul>
{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.pages[0].extra.category_name }}</a>（{{ t.page_count }}）</li>
{% endfor %}</ul>
{% endblock main %}
''',
    "category/single.html": '''{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ term.pages[0].extra.category_name }}{% endblock title %}
{% block main %}
<h1>{{ term.pages[0].extra.category_name }}</h1>
<p>共{{ term.page_count }}个岗位</p>
<ul class="jobs">
{% for p in term.pages %}{{ m::row(p=p) }}
{% endfor %}</ul>
{% endblock main %}
''',
    "market/list.html": '''{% extends "base.html" %}
{% block title %}按市场{% endblock title %}
{% block main %}
<h1>按市场</h1>
<ul>
{% for t in terms %}<li><a href="{{ t.permalink }}">{{ t.pages[0].extra.market_name }}</a>（{{ t.page_count }}）</li>
{% endfor %}</ul>
{% endblock main %}
''',
    "market/single.html": '''{% extends "base.html" %}
{% import "macros.html" as m %}
{% block title %}{{ term.pages[0].extra.market_name }}{% endblock title %}
{% block main %}
<h1>{{ term.pages[0].extra.market_name }}</h1>
<p>共{{ term.page_count }}个岗位 · <a href="/map/{{ term.slug }}/">市场详情</a></p>
<ul class="jobs">
{% for p in term.pages %}{{ m::row(p=p) }}
{% endfor %}</ul>
{% endblock main %}
''',
}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True, help="site source dir (replaced if it holds a previous site)")
    a = ap.parse_args()
    meta, markets, postings = read_corpus(a.corpus)
    out = os.path.abspath(a.out)
    prepare_out(out)
    write(os.path.join(out, "config.toml"), CONFIG)
    for name, text in TEMPLATES.items():
        write(os.path.join(out, "templates", name), text)
    c = os.path.join(out, "content")
    write(os.path.join(c, "_index.md"), '+++\ntitle = "首页"\n+++\n')
    write(os.path.join(c, "jobs", "_index.md"),
          '+++\ntitle = "全部岗位"\nsort_by = "date"\npaginate_by = 50\ntemplate = "jobs.html"\n+++\n')
    write(os.path.join(c, "map", "_index.md"),
          '+++\ntitle = "零工市场地图"\nsort_by = "weight"\ntemplate = "map.html"\npage_template = "market.html"\n+++\n')
    for i, mk in enumerate(markets, 1):
        extra = {k: mk[k] for k in ("slug", "county", "league", "lat", "lon", "hours", "hotline", "address")}
        fm = [f"title = {s(mk['name'])}", f"weight = {i}", "", "[extra]"]
        fm += [f"{k} = {tv(v)}" for k, v in extra.items()]
        write(os.path.join(c, "map", mk["slug"] + ".md"), "+++\n" + "\n".join(fm) + "\n+++\n")
    jd = os.path.join(c, "jobs")
    for p in postings:
        extra = {k: p[k] for k in ("id", "employer", "market", "market_name", "county", "league", "category",
                                   "category_name", "pay_amount", "pay_unit", "headcount", "start", "expires",
                                   "phone", "tags")}
        fm = [f"title = {s(p['title'])}", f"date = {p['posted']}", "", "[taxonomies]",
              f"category = [{s(p['category'])}]", f"market = [{s(p['market'])}]", "", "[extra]"]
        fm += [f"{k} = {tv(v)}" for k, v in extra.items()]
        with open(os.path.join(jd, p["id"] + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write("+++\n" + "\n".join(fm) + "\n+++\n" + p["description"])
    print(f"zola site: {out} ({len(postings)} postings, {len(markets)} markets)")


if __name__ == "__main__":
    main()
