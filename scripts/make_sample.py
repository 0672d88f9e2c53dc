#!/usr/bin/env python3
"""Generate gigboard's Inner Mongolia sample site in content/.

Stdlib only, deterministic: `random.Random(20261127)` and a fixed "today" of
2026-11-27 (a Friday), so running it twice gives byte-identical files.

Usage (from the repository root or anywhere):

    python3 scripts/make_sample.py            # (re)write content/, then run the self-check
    python3 scripts/make_sample.py --check    # only check the files already in content/
    python3 scripts/make_sample.py --refresh  # first copy the reference data from ../shared/data

Inputs, all inside the repository so that the script works without ../shared:

* scripts/data/inner-mongolia-divisions.csv -- the 12 leagues and 103 counties
  (GB/T 2260 codes, names, WGS84 points, minimum-wage class). It is a verbatim
  copy of ../shared/data/inner-mongolia-divisions.csv; `--refresh` re-copies it,
  together with the region outline into tests/fixtures/, when ../shared/data
  is present. Sources and licences: content/SOURCES.md.

Outputs (everything below is regenerated; stale generated files are removed):

* content/site.yaml, content/regions.yaml, content/SOURCES.md
* content/markets/<id>.yaml                     gig markets (57, all 12 leagues)
* content/jobs/<market-id>/<YYYY-MM-DD>.yaml    job feeds, 2026-11-20 .. 2026-11-27
* content/pages/*.md                            no-fees, rights, legal-aid, employers, about

Everything in the sample is fictional: companies end in "（示例）", telephone
numbers use the reserved-looking "0000" block (0471-0000-0101, 138-0000-0123).
The only real numbers are the national hotlines 12333, 12345 and 12348.

The self-check (also run after generating) verifies counts, id uniqueness,
wage floors, categories, date rules, forbidden wording and, when PyYAML is
installed, that every YAML file parses back to exactly the data written.
"""
import argparse
import csv
import datetime as dt
import json
import os
import random
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTENT = os.path.join(ROOT, "content")
DATA_CSV = os.path.join(ROOT, "scripts", "data", "inner-mongolia-divisions.csv")
# The outline draws boundary lines, which a public map may show only with its 审图号:
# the sample's map draws none, and the outline serves the tests (tests/fixtures/).
OUTLINE = os.path.join(ROOT, "tests", "fixtures", "inner-mongolia-outline.geojson")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")

TODAY = dt.date(2026, 11, 27)
FIRST_DAY = dt.date(2026, 11, 20)
SEED = 20261127

# --------------------------------------------------------------------------
# YAML writer: block style, 2-space indentation, quoting where needed.
# --------------------------------------------------------------------------


class Date(str):
    """A YYYY-MM-DD date, written unquoted."""


class Block(str):
    """A multi-line markdown string, written as a literal block (|)."""


class Flow(dict):
    """A small map written in flow style: {a: 1, b: x}."""


class FlowList(list):
    """A short list of scalars written in flow style: [a, b]."""


ALWAYS_QUOTE = {"id", "code", "county", "number", "phone", "open", "close", "start", "end", "hours", "credit_code"}
RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def plain_ok(s, flow):
    if not s or s != s.strip() or "\n" in s:
        return False
    if s[0] in "-?:,[]{}#&*!|>'\"%@`.+" or s[0].isdigit():
        return False
    if ": " in s or " #" in s or s.endswith(":"):
        return False
    if flow and any(c in s for c in ",[]{}"):
        return False
    if s.lower() in RESERVED:
        return False
    return True


def scalar(key, v, flow=False):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        r = repr(v)
        return r
    if isinstance(v, Date):
        return str(v)
    if isinstance(v, str):
        if key in ALWAYS_QUOTE or not plain_ok(v, flow):
            return json.dumps(v, ensure_ascii=False)
        return v
    raise TypeError(f"cannot write {key}={v!r}")


def flow_map(d):
    return "{" + ", ".join(f"{k}: {scalar(k, v, True)}" for k, v in d.items()) + "}"


def flow_list(key, items):
    return "[" + ", ".join(scalar(key, v, True) for v in items) + "]"


def emit_value(key, v, ind, out, prefix):
    """Write `prefix + key: value` at indentation `ind`."""
    pad = " " * ind
    head = f"{pad}{prefix}{key}:"
    if isinstance(v, Flow):
        out.append(f"{head} {flow_map(v)}")
    elif isinstance(v, Block):
        out.append(f"{head} |")
        inner = " " * (ind + len(prefix) + 2)
        for line in v.rstrip("\n").split("\n"):
            out.append(inner + line if line else "")
    elif isinstance(v, FlowList):
        out.append(f"{head} {flow_list(key, v)}")
    elif isinstance(v, dict):
        out.append(head)
        emit_map(v, ind + len(prefix) + 2, out)
    elif isinstance(v, list):
        out.append(head)
        emit_list(key, v, ind + len(prefix) + 2, out)
    else:
        out.append(f"{head} {scalar(key, v)}")


def emit_map(d, ind, out, first_prefix=""):
    for i, (k, v) in enumerate(d.items()):
        if i == 0 and first_prefix:
            emit_value(k, v, ind - len(first_prefix), out, first_prefix)
        else:
            emit_value(k, v, ind, out, "")


def emit_list(key, items, ind, out):
    pad = " " * ind
    for it in items:
        if isinstance(it, Flow):
            out.append(f"{pad}- {flow_map(it)}")
        elif isinstance(it, dict):
            emit_map(it, ind + 2, out, first_prefix="- ")
        else:
            out.append(f"{pad}- {scalar(key, it)}")


def to_yaml(d, header=None):
    out = []
    if header:
        out += ["# " + h if h else "#" for h in header]
    emit_map(d, 0, out)
    return "\n".join(out) + "\n"


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# --------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------

LEAGUES = {
    # code: (slug, area code, short name for employer names)
    "150100": ("hohhot", "0471", "呼和浩特"),
    "150200": ("baotou", "0472", "包头"),
    "150300": ("wuhai", "0473", "乌海"),
    "150400": ("chifeng", "0476", "赤峰"),
    "150500": ("tongliao", "0475", "通辽"),
    "150600": ("ordos", "0477", "鄂尔多斯"),
    "150700": ("hulunbuir", "0470", "呼伦贝尔"),
    "150800": ("bayannur", "0478", "巴彦淖尔"),
    "150900": ("ulanqab", "0474", "乌兰察布"),
    "152200": ("hinggan", "0482", "兴安盟"),
    "152500": ("xilingol", "0479", "锡林郭勒"),
    "152900": ("alxa", "0483", "阿拉善"),
}

# Traditional Mongolian script, only where the spelling is well attested
# (ᠬᠥᠬᠡᠬᠣᠲᠠ checked against Wiktionary "Hohhot"; the others are the standard
# forms used on those cities' official signs). Everything else is omitted.
LEAGUE_MN = {
    "150100": "ᠬᠥᠬᠡᠬᠣᠲᠠ",
    "150200": "ᠪᠤᠭᠤᠲᠤ ᠬᠣᠲᠠ",
    "150600": "ᠣᠷᠳᠣᠰ ᠬᠣᠲᠠ",
    "152500": "ᠰᠢᠯᠢ ᠶᠢᠨ ᠭᠣᠣᠯ ᠠᠶᠢᠮᠠᠭ",
    "152900": "ᠠᠯᠠᠱᠠ ᠠᠶᠢᠮᠠᠭ",
}


def load_divisions():
    leagues, counties = {}, {}
    with open(DATA_CSV, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rec = {
                "code": row["code"],
                "name": row["name"],
                "lat": float(row["lat"]),
                "lon": float(row["lon"]),
                "parent": row["parent_code"],
            }
            if row["level"] == "league":
                rec["counties"] = []
                leagues[row["code"]] = rec
            else:
                rec["wage_class"] = int(row["wage_class"])
                counties[row["code"]] = rec
    for c in counties.values():
        leagues[c["parent"]]["counties"].append(c["code"])
    return leagues, counties


def regions_doc(leagues, counties):
    out = []
    for code, lg in leagues.items():
        d = {"code": code, "name": lg["name"]}
        if code in LEAGUE_MN:
            d["name_mn"] = LEAGUE_MN[code]
        d["location"] = Flow(lat=lg["lat"], lon=lg["lon"])
        d["counties"] = []
        for cc in lg["counties"]:
            c = counties[cc]
            d["counties"].append({
                "code": cc,
                "name": c["name"],
                "location": Flow(lat=c["lat"], lon=c["lon"]),
                "wage_class": c["wage_class"],
            })
        out.append(d)
    return {"leagues": out}


# --------------------------------------------------------------------------
# Site
# --------------------------------------------------------------------------

CATEGORIES = {
    "construction": "建筑装修",
    "cleaning": "保洁家政",
    "loading": "装卸搬运",
    "farming": "农牧用工",
    "catering": "餐饮服务",
    "care": "护理陪护",
    "driving": "驾驶运输",
    "factory": "加工制造",
    "security": "安保值守",
    "retail": "商超促销",
    "repair": "维修安装",
}

WAGE = {1: (22.4, 2270), 2: (21.7, 2200), 3: (21.1, 2140)}


def site_doc():
    return {
        "title": "内蒙古零工市场信息平台（示例站点）",
        "description": "全区零工市场的今日岗位、开放时间、服务与投诉电话（示例数据）",
        "language": "zh-CN",
        "languages": FlowList(["en", "mn"]),
        "timezone": "Asia/Shanghai",
        "date": Date(TODAY.isoformat()),
        "base_url": "https://gig.example.org.cn/",
        "paginate": 30,
        "hotlines": [
            Flow(kind="service", number="12333", label="人力资源社会保障服务热线", hours="工作日 08:30-17:30"),
            Flow(kind="complaint", number="12345", label="政务服务便民热线", hours="24小时"),
            Flow(kind="rights", number="0471-0000-2333", label="自治区劳动保障监察举报电话（示例）",
                 hours="工作日 08:30-17:30"),
        ],
        "categories": dict(CATEGORIES),
        "minimum_wage": {
            "effective": Date("2024-12-01"),
            "classes": {k: Flow(hourly=v[0], monthly=v[1]) for k, v in WAGE.items()},
        },
        "footer": {
            "publisher": "内蒙古自治区人力资源和社会保障厅（示例）",
            "icp": "蒙ICP备00000000号-1（示例）",
            "police": "蒙公网安备00000000000000号（示例）",
            "note": "本站为 gigboard 示例站点，市场、岗位与电话均为虚构。",
        },
    }


SITE_HEADER = [
    "gigboard sample site: Inner Mongolia (内蒙古自治区). Generated by scripts/make_sample.py.",
    "`date` pins \"today\" for this sample so it shows a full board on any day; --date overrides.",
    "`languages` adds English and Mongolian copies of the pages under /en/ and /mn/ (README: Languages).",
    "No `map.outline`: a map with a boundary line needs its 审图号 (README: The map); this one draws none.",
]

# --------------------------------------------------------------------------
# Markets
# --------------------------------------------------------------------------

HOURS = {
    # one span a day
    "early": [Flow(days="daily", open="06:00", close="12:00")],
    "monsat": [Flow(days="mon-sat", open="06:30", close="17:30")],
    "weekday_wkend": [Flow(days="mon-fri", open="07:00", close="17:00"),
                      Flow(days="sat,sun", open="07:00", close="11:00")],
    "tuesun": [Flow(days="tue-sun", open="06:00", close="13:00")],
    "office": [Flow(days="mon-fri", open="08:30", close="17:30")],
    # two spans a day
    "split_city": [Flow(days="mon-fri", open="06:00", close="11:30"),
                   Flow(days="mon-fri", open="14:00", close="18:00"),
                   Flow(days="sat", open="06:30", close="12:00")],
    "split_daily": [Flow(days="daily", open="05:30", close="11:00"),
                    Flow(days="daily", open="14:30", close="17:30")],
    "split_office": [Flow(days="mon-fri", open="08:30", close="12:00"),
                     Flow(days="mon-fri", open="14:30", close="17:30")],
    "split_sat": [Flow(days="mon-sat", open="06:30", close="11:30"),
                  Flow(days="mon-sat", open="13:30", close="17:00"),
                  Flow(days="sun", open="07:00", close="11:00")],
}

NEW_YEAR = Flow(date=Date("2027-01-01"), closed=True, note="元旦休市")

ALL_SERVICES = ["waiting", "postings", "quick_hire", "training", "rights", "legal", "guidance", "assistance"]
ALL_FACILITIES = ["shelter", "heating", "cooling", "seating", "desks", "water", "charging", "parking",
                  "toilets", "accessible", "info_board"]


def M(id, county, status, busy="small", ctx=("any",), hours=None, opened=None, grade=None, closures=(),
      no_services=(), no_facilities=(), transit=None, street=None, operator=None, note="", name=None):
    return dict(id=id, county=county, status=status, busy=busy, ctx=set(ctx) | {"any"}, hours=hours,
                opened=opened, grade=grade, closures=list(closures), no_services=set(no_services),
                no_facilities=set(no_facilities), transit=transit, street=street, operator=operator,
                note=note, name=name)


MARKETS = [
    # ---- 呼和浩特市 ----
    M("hohhot-xincheng", "150102", "operating", "busiest", ("city",), "split_city", "2023-06-18", 5,
      [NEW_YEAR, Flow(date=Date("2026-12-05"), open="08:00", close="12:00", note="冬季设备检修，缩短开放时间")],
      transit="公交 3 路、12 路「示例站」下车步行 200 米", street="示例路 88 号",
      note="首府城区规模最大的零工市场，清晨是装修、搬运和家政用工的高峰。冬季室内候工大厅全天供暖，"
           "设有电子大屏和纸质岗位栏，每天早上张贴当日岗位单。"),
    M("hohhot-huimin", "150103", "operating", "mid", ("city",), "early", "2023-07-01", 4, [NEW_YEAR],
      transit="公交 1 路、33 路「示例桥站」下车步行 150 米", street="示例街 16 号",
      note="以餐饮后厨、商超理货和家政保洁岗位为主。市场与社区食堂相邻，候工人员可在食堂就餐。"),
    M("hohhot-yuquan", "150104", "operating", "mid", ("city",), "monsat", "2023-08-08", 3,
      no_services=("legal",), transit="公交 6 路「示例巷站」下车即到", street="示例巷 5 号",
      note="紧邻老城区，以装修小工和搬家跟车为主。法律咨询窗口尚在筹备，可先拨打 12348 咨询。"),
    M("hohhot-saihan", "150105", "operating", "mid", ("city",), "split_daily", "2023-05-20", 4,
      [NEW_YEAR], transit="公交 18 路、65 路「示例广场站」下车步行 300 米", street="示例大街 120 号",
      note="服务城区东南片区和周边工业园，冬季有较多仓储分拣、冷库和保安值守岗位。"),
    M("hohhot-saihan-north", "150105", "operating", "small", ("city",), "early", "2024-09-10", None,
      transit="公交 21 路「示例北站」下车步行 100 米", street="示例北路 9 号",
      name="赛罕区北部零工服务站",
      note="2024 年由原路边自发聚集点改造而成，实现了“退路进院”。面积不大，但有暖棚、座椅和热水。"),
    M("hohhot-tumotezuo", "150121", "operating", "mid", ("farm",), "weekday_wkend", "2023-09-15", None,
      transit="旗客运站步行 10 分钟", street="示例街 30 号",
      note="服务敕勒川一带的设施农业和奶牛养殖用工，冬季以温室大棚、牧场饲喂和乳品厂岗位为主。"),
    M("hohhot-tuoketuo", "150122", "building", ctx=("farm",), street="示例路 2 号",
      note="市场主体已封顶，正在安装供暖和信息发布屏，计划 2027 年春季开放。"),
    M("hohhot-wuchuan", "150125", "operating", "small", ("farm",), "office", "2023-10-09", None,
      transit="县城 2 路公交「示例站」下车", street="示例街 7 号",
      note="武川是马铃薯主产区，秋冬季以马铃薯分拣、入窖和装车用工为主。"),
    # ---- 包头市 ----
    M("baotou-kundulun", "150203", "operating", "big", ("city", "mine"), "split_city", "2023-05-28", 5,
      [NEW_YEAR], transit="公交 2 路、37 路「示例钢铁大街站」下车步行 250 米", street="示例钢铁大街 66 号",
      note="背靠钢铁和稀土产业，厂区辅助、物流装卸和设备检修辅助岗位多。市场与技工学校合作开设电焊、叉车短训班。"),
    M("baotou-qingshan", "150204", "operating", "mid", ("city",), "monsat", "2023-07-18", 4, [NEW_YEAR],
      transit="公交 5 路「示例文化路站」下车步行 100 米", street="示例文化路 21 号",
      note="以家政、养老护理和餐饮服务岗位为主，为大龄零工设有专门的登记和推荐窗口。"),
    M("baotou-donghe", "150202", "operating", "mid", ("city",), "early", "2023-06-30", 3,
      no_services=("training",), transit="公交 1 路「示例南门站」下车步行 200 米", street="示例巷 12 号",
      note="东河老城区的传统零工聚集地，装修、搬运岗位为主。技能培训暂与昆都仑区市场共享，请到服务台报名。"),
    M("baotou-jiuyuan", "150207", "operating", "mid", ("city", "mine"), "weekday_wkend", "2023-09-01", None,
      transit="公交 9 路「示例工业园站」下车", street="示例工业园 3 号",
      note="服务九原工业园区，冬季有光伏组件、铝材加工和仓储物流岗位。"),
    M("baotou-guyang", "150222", "planned", ctx=("farm",), street="示例街（选址中）",
      note="选址已初步确定在县政务服务中心附近，计划 2027 年开工建设。目前可到县公共就业服务中心窗口登记求职。"),
    M("baotou-damao", "150223", "operating", "small", ("herd", "mine"), "office", "2023-10-20", None,
      no_services=("legal", "rights"), transit="旗客运站步行 15 分钟", street="示例街 1 号",
      note="达茂旗地广人稀，市场以牧区冬季补饲、棚圈维修和矿区后勤岗位为主。维权和法律咨询需到旗人社局窗口办理。"),
    # ---- 乌海市 ----
    M("wuhai-haibowan", "150302", "operating", "mid", ("city", "mine"), "monsat", "2023-06-12", 4,
      [NEW_YEAR], transit="公交 4 路「示例人民路站」下车步行 150 米", street="示例人民路 50 号",
      note="乌海全市最大的零工市场，焦化、氯碱企业的地面辅助和装车岗位较多。海南区市场关闭后，部分服务转到这里。"),
    M("wuhai-hainan", "150303", "closed", opened="2023-08-25", street="示例路 18 号",
      note="因原址所在道路改造，本市场已于 2026 年 9 月关闭。求职和用工请前往海勃湾区零工市场。"),
    M("wuhai-wuda", "150304", "suspended", opened="2023-09-05", hours="early", ctx=("city", "mine"),
      transit="公交 11 路「示例站」下车", street="示例街 8 号",
      note="场地正在进行供暖改造，现场服务暂停，预计 2026 年 12 月 20 日恢复。暂停期间电话服务照常。"),
    # ---- 赤峰市 ----
    M("chifeng-hongshan", "150402", "operating", "big", ("city",), "split_sat", "2023-05-16", 4, [NEW_YEAR],
      transit="公交 1 路、8 路「示例昭乌达路站」下车步行 200 米", street="示例昭乌达路 99 号",
      note="赤峰中心城区的综合性零工市场，年前装卸、商超促销和家政岗位明显增多。每周三上午举办零工专场对接会。"),
    M("chifeng-songshan", "150404", "operating", "mid", ("city", "farm"), "monsat", "2023-07-06", 3,
      transit="公交 26 路「示例站」下车步行 300 米", street="示例路 41 号",
      note="城乡结合部的市场，兼有城区服务岗位和周边肉牛养殖、设施农业用工。"),
    M("chifeng-ningcheng", "150429", "operating", "mid", ("farm",), "weekday_wkend", "2023-08-18", None,
      [NEW_YEAR], transit="县城 3 路公交「示例站」下车", street="示例街 15 号",
      note="宁城设施农业发达，冬季温室大棚的采摘、打包岗位较多，也有酒厂和食品厂的季节性用工。"),
    M("chifeng-aohan", "150430", "operating", "small", ("farm",), "office", "2023-09-26", None,
      no_facilities=("cooling", "accessible"), transit="旗客运站步行 8 分钟", street="示例路 6 号",
      note="敖汉小米产区，秋冬以小米去杂、包装和农产品电商发货用工为主。"),
    M("chifeng-keshiketeng", "150425", "building", ctx=("herd", "tour"), street="示例街 3 号",
      note="正在改造闲置办公楼作为市场，计划 2027 年 3 月开放。"),
    M("chifeng-balinzuo", "150422", "operating", "small", ("farm", "herd"), "office", "2023-10-12", None,
      transit="旗客运站步行 12 分钟", street="示例街 22 号",
      note="兼顾农区和牧区用工，冬季有饲草收储、肉牛育肥和笤帚加工岗位。"),
    # ---- 通辽市 ----
    M("tongliao-keerqin", "150502", "operating", "big", ("city", "farm"), "split_city", "2023-06-06", 4,
      [NEW_YEAR], transit="公交 7 路、15 路「示例站」下车步行 200 米", street="示例大街 180 号",
      note="通辽中心城区市场，玉米深加工、肉牛产业和城区服务业岗位都比较集中。"),
    M("tongliao-kailu", "150523", "operating", "small", ("farm",), "weekday_wkend", "2023-09-08", None,
      transit="县城 1 路公交「示例站」下车", street="示例路 11 号",
      note="开鲁是红干椒产区，冬季以辣椒分拣、去把和装袋用工为主，适合就近务工。"),
    M("tongliao-naiman", "150525", "planned", ctx=("farm",), street="示例街（选址中）",
      note="已列入本年度建设计划，选址论证中。"),
    M("tongliao-huolinguole", "150581", "operating", "small", ("city", "mine"), "monsat", "2023-07-22", None,
      transit="公交 2 路「示例站」下车步行 100 米", street="示例路 27 号",
      note="霍林郭勒以煤电铝产业为主，市场主要发布厂区后勤、保洁和运输岗位。冬季漫长，市场供暖期从 10 月开始。"),
    # ---- 鄂尔多斯市 ----
    M("ordos-dongsheng", "150602", "operating", "big", ("city", "mine"), "split_daily", "2023-05-10", 5,
      [NEW_YEAR], transit="公交 1 路、20 路「示例广场站」下车步行 150 米", street="示例大街 200 号",
      note="鄂尔多斯最大的零工市场，煤矿后勤、物流运输和羊绒加工岗位多。市场设有劳动争议调解室，每周二有律师坐班。"),
    M("ordos-kangbashi", "150603", "operating", "mid", ("city",), "office", "2023-08-01", 3,
      transit="公交 K1 路「示例站」下车", street="示例路 3 号",
      note="设在政务服务中心一楼，以物业、保洁、会展和餐饮服务岗位为主。"),
    M("ordos-zhungeer", "150622", "operating", "mid", ("mine",), "monsat", "2023-06-25", 4, [NEW_YEAR],
      transit="旗客运站步行 10 分钟", street="示例路 58 号",
      note="服务准格尔旗的煤矿和煤化工企业，地面辅助、装车和通勤车驾驶岗位较多。入矿岗位均须参加企业安全培训。"),
    M("ordos-yijinhuoluo", "150627", "operating", "mid", ("mine",), "weekday_wkend", "2023-07-12", None,
      [Flow(date=Date("2026-12-08"), open="09:00", close="15:00", note="市场供暖管道检修，当天推迟开门")],
      transit="公交 3 路「示例站」下车步行 200 米", street="示例街 19 号",
      note="煤矿后勤和物流园用工集中，冬季有储煤场保洁、车辆调度和食堂岗位。"),
    M("ordos-dalate", "150621", "operating", "small", ("farm", "mine"), "office", "2023-09-19", None,
      no_services=("legal",), transit="旗客运站步行 5 分钟", street="示例路 10 号",
      note="沿黄灌区农业和工业园区用工并重。法律咨询目前由旗法律援助中心每月来市场两次。"),
    M("ordos-wushen", "150626", "operating", "small", ("herd", "mine"), "office", "2023-10-16", None,
      transit="旗客运站步行 10 分钟", street="示例街 4 号",
      note="牧区和能源企业用工兼有，冬季补饲、棚圈清理岗位较多。"),
    # ---- 呼伦贝尔市 ----
    M("hulunbuir-hailaer", "150702", "operating", "big", ("city", "tour"), "split_city", "2023-06-20", 4,
      [NEW_YEAR], transit="公交 1 路、10 路「示例站」下车步行 200 米", street="示例路 77 号",
      note="冬季是冰雪旅游旺季，酒店客房、餐饮和冰雪活动服务岗位增多。候工大厅供暖到次年 5 月。"),
    M("hulunbuir-manzhouli", "150781", "operating", "mid", ("city", "port", "tour"), "monsat", "2023-07-03", 3,
      [NEW_YEAR], transit="公交 2 路「示例站」下车步行 100 米", street="示例街 39 号",
      note="口岸城市，进口木材、粮油的装卸和物流岗位多，冬季冰雪节期间也招临时服务人员。"),
    M("hulunbuir-yakeshi", "150782", "operating", "small", ("tour", "farm"), "weekday_wkend", "2023-08-28", None,
      transit="公交 5 路「示例站」下车", street="示例路 14 号",
      note="林区城市，冬季有滑雪场服务、木材加工和城区除雪用工。"),
    M("hulunbuir-zhalantun", "150783", "operating", "small", ("farm", "tour"), "office", "2023-09-13", None,
      transit="公交 3 路「示例站」下车步行 150 米", street="示例街 25 号",
      note="农区为主，冬季有大豆、玉米收储和农产品加工岗位。"),
    M("hulunbuir-eerguna", "150784", "suspended", opened="2023-08-15", hours="office", ctx=("tour", "farm"),
      transit="公交 1 路「示例站」下车", street="示例路 6 号",
      note="旅游淡季用工较少，现场服务自 11 月 15 日起暂停至次年 3 月底，暂停期间可电话登记求职和用工。"),
    M("hulunbuir-arong", "150721", "building", ctx=("farm",), street="示例街 2 号",
      note="新建市场正在进行室内装修，计划 2027 年 4 月开放。"),
    # ---- 巴彦淖尔市 ----
    M("bayannur-linhe", "150802", "operating", "big", ("city", "farm"), "split_sat", "2023-05-25", 4,
      [NEW_YEAR], transit="公交 6 路、9 路「示例站」下车步行 200 米", street="示例大街 101 号",
      note="河套灌区的中心市场，葵花籽、番茄和肉羊加工企业用工集中，冬季以分拣、包装和冷库岗位为主。"),
    M("bayannur-wuyuan", "150821", "operating", "small", ("farm",), "office", "2023-08-21", None,
      no_facilities=("charging",), transit="县城 1 路公交「示例站」下车", street="示例街 18 号",
      note="以葵花籽挑选、籽实加工和温室用工为主，适合大龄零工就近就业。"),
    M("bayannur-hangjinhou", "150826", "operating", "small", ("farm",), "weekday_wkend", "2023-09-28", None,
      transit="旗客运站步行 6 分钟", street="示例路 9 号",
      note="冬季有肉羊屠宰分割、冷库和饲草加工用工。"),
    M("bayannur-wulatezhong", "150824", "planned", ctx=("herd",), street="示例街（选址中）",
      note="计划利用旗就业服务中心闲置用房改造建设。"),
    # ---- 乌兰察布市 ----
    M("ulanqab-jining", "150902", "operating", "big", ("city", "farm"), "split_daily", "2023-06-02", 4,
      [NEW_YEAR], transit="公交 1 路、5 路「示例站」下车步行 300 米", street="示例路 60 号",
      note="乌兰察布是物流和数据中心集聚地，市场发布仓储分拣、冷链物流和马铃薯加工岗位。"),
    M("ulanqab-fengzhen", "150981", "operating", "mid", ("farm", "city"), "monsat", "2023-07-27", 3,
      [NEW_YEAR], transit="公交 2 路「示例站」下车步行 100 米", street="示例街 33 号",
      note="丰镇月饼和食品加工企业较多，冬季年货生产旺季用工需求大。"),
    M("ulanqab-liangcheng", "150925", "operating", "small", ("farm", "tour"), "office", "2023-09-06", None,
      no_services=("training",), transit="县城客运站步行 10 分钟", street="示例路 13 号",
      note="岱海周边以温室农业和冬季养殖用工为主。技能培训由县职教中心统一组织，可在市场报名。"),
    M("ulanqab-siziwang", "150929", "building", ctx=("herd",), street="示例街 5 号",
      note="正在建设暖棚和信息发布区，计划 2027 年 1 月试运行。"),
    # ---- 兴安盟 ----
    M("hinggan-wulanhaote", "152201", "operating", "big", ("city", "farm"), "split_city", "2023-06-15", 4,
      [NEW_YEAR], transit="公交 1 路、11 路「示例站」下车步行 150 米", street="示例路 45 号",
      note="全盟最大的零工市场，冬季稻米加工、肉牛养殖和城区服务业岗位并重。"),
    M("hinggan-keyouqian", "152221", "operating", "small", ("farm", "herd"), "office", "2023-09-22", None,
      transit="旗客运站步行 10 分钟", street="示例街 20 号",
      note="农牧结合地区，冬季肉牛育肥、饲草加工用工较多。"),
    M("hinggan-aershan", "152202", "operating", "small", ("tour",), "early", "2023-08-10", None,
      transit="公交 1 路「示例站」下车", street="示例路 8 号",
      note="冰雪旅游城市，冬季滑雪场、温泉酒店和餐饮服务岗位集中，多为季节性岗位。"),
    M("hinggan-tuquan", "152224", "planned", ctx=("farm",), street="示例街（选址中）",
      note="已完成选址，计划明年开工建设。"),
    # ---- 锡林郭勒盟 ----
    M("xilingol-xilinhaote", "152502", "operating", "big", ("city", "herd"), "split_sat", "2023-05-30", 4,
      [NEW_YEAR, Flow(date=Date("2026-11-27"), open="06:30", close="12:00", note="暴雪蓝色预警，今天下午暂停开放")],
      transit="公交 2 路、6 路「示例站」下车步行 200 米", street="示例大街 15 号",
      note="锡林郭勒盟中心市场，牛羊肉加工、冷库和牧区冬季用工信息最全。暴雪天气会临时调整开放时间，请留意公告。"),
    M("xilingol-erlianhaote", "152501", "operating", "mid", ("city", "port"), "monsat", "2023-07-10", 3,
      transit="公交 1 路「示例站」下车步行 100 米", street="示例路 16 号",
      note="中蒙边境口岸城市，进出口货物装卸、口岸物流和商贸城理货岗位多。"),
    M("xilingol-dongwu", "152525", "operating", "small", ("herd",), "split_office", "2023-09-30", None,
      no_services=("rights",), transit="旗客运站步行 10 分钟", street="示例街 11 号",
      note="纯牧业旗，冬季以补饲、接羔准备、饲草调运和肉食品加工用工为主。劳动维权请到旗劳动保障监察大队办理。"),
    M("xilingol-duolun", "152531", "building", ctx=("farm", "tour"), street="示例路 1 号",
      note="正在装修，计划 2027 年春季开放。"),
    # ---- 阿拉善盟 ----
    M("alxa-zuoqi", "152921", "operating", "mid", ("city", "herd", "tour"), "monsat", "2023-06-28", 3,
      [NEW_YEAR], transit="公交 1 路「示例站」下车步行 200 米", street="示例路 30 号",
      note="巴彦浩特城区市场，以城区服务业、骆驼养殖和沙产业（肉苁蓉、梭梭）用工为主。"),
    M("alxa-ejina", "152923", "operating", "small", ("tour", "herd"), "office", "2023-10-18", None,
      no_facilities=("accessible", "cooling"), transit="旗客运站步行 5 分钟", street="示例街 2 号",
      note="胡杨林旅游季结束后，冬季用工以城区保洁、供暖值守和牧区用工为主。"),
]


def jitter(rng, v):
    return round(v + rng.uniform(-0.02, 0.02), 5)


def build_markets(rng, leagues, counties):
    docs = {}
    for idx, m in enumerate(MARKETS, 1):
        c = counties[m["county"]]
        lg = leagues[c["parent"]]
        slug, area, short = LEAGUES[c["parent"]]
        m["idx"] = idx
        m["area"] = area
        m["league_short"] = short
        m["county_name"] = c["name"]
        m["league_name"] = lg["name"]
        m["wage_class"] = c["wage_class"]
        name = m["name"] or f"{c['name']}零工市场"
        m["name"] = name
        lat, lon = jitter(rng, c["lat"]), jitter(rng, c["lon"])
        m["lat"], m["lon"] = lat, lon
        st = m["status"]
        d = {"name": name, "county": m["county"]}
        if st == "planned":
            d["address"] = f"{lg['name']}{c['name']}{m['street']}（规划选址，示例地址）"
        else:
            d["address"] = f"{lg['name']}{c['name']}{m['street']}（示例地址）"
        if m["transit"]:
            d["transit"] = m["transit"]
        d["location"] = Flow(lat=lat, lon=lon)
        d["status"] = st
        if st not in ("planned", "building"):
            d["opened"] = Date(m["opened"])
        if m["grade"]:
            d["grade"] = m["grade"]
        if m["hours"]:
            d["hours"] = list(HOURS[m["hours"]])
        if m["closures"]:
            d["closures"] = list(m["closures"])
        n = lambda k: f"{area}-0000-{idx:02d}{k:02d}"
        hl = []
        if st in ("operating", "suspended"):
            hl.append(Flow(kind="service", number=n(1), label="市场服务电话", hours=service_hours(m)))
            hl.append(Flow(kind="complaint", number=n(2), label="投诉电话"))
            if "legal" not in m["no_services"]:
                hl.append(Flow(kind="legal", number=n(3), label="法律援助咨询"))
            if "rights" not in m["no_services"] and m["busy"] in ("busiest", "big"):
                hl.append(Flow(kind="rights", number=n(4), label="劳动保障监察举报", hours="工作日 08:30-17:30"))
            if "training" not in m["no_services"] and m["busy"] in ("busiest", "big", "mid"):
                hl.append(Flow(kind="training", number=n(5), label="技能培训报名", hours="工作日 08:30-17:30"))
        else:
            hl.append(Flow(kind="service", number=n(1), label=f"{c['name']}公共就业服务中心",
                           hours="工作日 08:30-17:30"))
            hl.append(Flow(kind="complaint", number=n(2), label="投诉电话"))
        d["hotlines"] = hl
        if st in ("operating", "suspended"):
            svc = [s for s in ALL_SERVICES if s not in m["no_services"]]
            if m["busy"] == "small" and idx % 3:
                svc = [s for s in svc if s != "assistance"]
            if m["busy"] == "small" and idx % 4 == 1:
                svc = [s for s in svc if s != "guidance"]
            d["services"] = FlowList(svc)
            fac = [f for f in ALL_FACILITIES if f not in m["no_facilities"]]
            if m["busy"] == "small" and idx % 2:
                fac = [f for f in fac if f != "parking"]
            d["facilities"] = FlowList(fac)
        op = m["operator"]
        if not op:
            if idx % 5 == 2 and st == "operating":
                op = f"{short}示例人力资源服务有限公司（受托运营，示例）"
            elif idx % 3 == 0:
                op = f"{c['name']}人力资源和社会保障局（示例）"
            else:
                op = f"{c['name']}公共就业服务中心（示例）"
        d["operator"] = op
        d["description"] = Block(describe(m, d))
        docs[m["id"]] = d
    return docs


def service_hours(m):
    spans = HOURS[m["hours"]]
    return f"{min(s['open'] for s in spans)}-{max(s['close'] for s in spans)}"


def describe(m, d):
    parts = [m["note"]]
    st = m["status"]
    if st == "operating":
        fac = d.get("facilities", [])
        if "heating" in fac and "供暖" not in m["note"]:
            parts.append("供暖期（10 月中旬至次年 4 月）候工区全天供暖，提供热水和手机充电。")
        svc = d.get("services", [])
        if "quick_hire" in svc:
            parts.append("开设“即时快招”窗口：用工方现场登记、当场对接、当天到岗。")
        parts.append("所有服务免费，岗位信息经工作人员核实后发布。")
    elif st == "suspended":
        parts.append("恢复开放前，请拨打市场服务电话或 12333 咨询。")
    elif st in ("planned", "building"):
        parts.append("建成前，求职和用工登记请到当地公共就业服务中心办理。")
    # one paragraph on one line: a line break inside Chinese text renders as a space
    return "".join(parts) + "\n"


# --------------------------------------------------------------------------
# Posting templates
# --------------------------------------------------------------------------
# pay options: ("day", lo, hi) daily rate; ("dayr", lo, hi) daily range;
# ("hour", lo, hi) part-time hourly; ("dayhour", lo, hi) day job paid by the hour;
# ("piece", lo, hi, "每箱") piece rate with its unit in words; ("month", lo, hi) full-time.
# employer: (kind, name part): company -> "<place><brand><part>（示例）";
# individual -> "<part><surname><title>（示例）"; public -> "<county><part>（示例）";
# agency -> "<place><brand>人力资源服务有限公司（示例）".


def T(title, cat, ctx, pay, duty, req, emp, welcomes=(), hc=(1, 4), time=("07:30", "17:00"),
      meal=None, outdoor=False):
    return dict(title=title, cat=cat, ctx=set(ctx), pay=pay, duty=duty, req=req, emp=emp,
                welcomes=list(welcomes), hc=hc, time=time, meal=meal, outdoor=outdoor)


C = ("city",)
ANY = ("any",)
TEMPLATES = [
    # ---------------- construction 建筑装修 ----------------
    T("小区供暖管道保温层修补", "construction", C, [("day", 220, 280)],
      "为小区地下室和楼道内的供暖管道更换破损的保温棉、缠裹保护层，修补后由物业验收。",
      "身体健康，能在地下室和管井内作业，有保温施工经验更好", ("company", "物业服务有限公司"), hc=(2, 5)),
    T("老旧小区改造收尾清理", "construction", C, [("day", 200, 240)],
      "老旧小区外墙保温改造收尾，清理脚手架下的砂浆、保温板碎料，装袋后运到指定地点。",
      "身体健康，能干体力活，听从现场安排", ("company", "建筑工程有限公司"), ["older"], hc=(3, 8), outdoor=True),
    T("室内装修打磨批灰小工", "construction", ("city", "any"), [("day", 200, 260)],
      "配合师傅完成墙面批灰、打磨和刷底漆，收工前清扫现场。",
      "能吃苦，有装修小工经验者优先，无经验可跟师傅学", ("company", "装饰工程有限公司"), hc=(1, 3)),
    T("暖气片拆装搬运", "construction", C, [("day", 220, 260)],
      "旧暖气片拆除后搬运下楼，配合安装新暖气片并做打压试验。",
      "能搬运重物，无恐高", ("company", "暖通工程有限公司"), hc=(2, 4)),
    T("厂房彩钢屋面积雪清理", "construction", ("mine", "farm", "city"), [("day", 260, 320)],
      "清理厂房彩钢屋面积雪，防止压塌；屋面作业全程系安全带，地面有专人看护。",
      "无恐高，能登高作业，听从安全员指挥；工具和安全带由厂方提供", ("company", "物流有限公司"), hc=(4, 8),
      outdoor=True),
    T("装修垃圾清运装袋", "construction", ANY, [("day", 180, 230), ("piece", 3, 5, "每袋")],
      "将装修垃圾装袋后搬运下楼，集中堆放到指定清运点。",
      "能上下楼搬运重物", ("individual", "业主"), ["long_unemployed"], hc=(1, 3)),
    T("瓷砖铺贴辅助工", "construction", C, [("day", 230, 280)],
      "配合瓷砖师傅搅拌砂浆、运送瓷砖、切割辅料，做好成品保护。",
      "有瓷砖铺贴辅助经验者优先", ("individual", "装修师傅"), hc=(1, 2)),
    T("冬季施工保温棚搭建", "construction", ("city", "mine"), [("day", 250, 300)],
      "在冬季施工现场搭建保温棚、铺设保温被，夜间巡查棚内温度。",
      "能在室外低温环境作业，自备防寒衣物", ("company", "建设工程有限公司"), hc=(4, 10), outdoor=True),
    T("地暖管铺设辅助", "construction", C, [("dayr", 220, 260)],
      "配合地暖师傅铺设保温板、反射膜和地暖管，协助打压测试。",
      "细心，能蹲跪作业", ("company", "暖通工程有限公司"), hc=(1, 3)),
    T("钢筋加工（按吨计）", "construction", ("city", "mine"), [("piece", 110, 140, "每吨")],
      "在加工棚内按料单完成钢筋调直、切断和弯曲，按完成吨数结算。",
      "会使用钢筋弯曲机、切断机，按每吨计件", ("company", "建筑劳务有限公司"), hc=(2, 6)),
    T("门窗密封条更换", "repair", C, [("piece", 12, 18, "每扇")],
      "为小区住户更换老化的门窗密封条、调整五金件，减少冬季漏风。",
      "有门窗维修经验，能自带常用手工具，按每扇计件", ("company", "门窗有限公司"), hc=(1, 3)),

    # ---------------- cleaning 保洁家政 ----------------
    T("新房开荒保洁", "cleaning", C, [("day", 200, 260), ("piece", 4, 6, "每平方米")],
      "新交付住房的开荒保洁：清除玻璃和地面上的涂料、水泥残留，擦洗门窗和厨卫。",
      "有保洁经验，做事细致", ("company", "家政服务有限公司"), ["older"], hc=(2, 4)),
    T("家庭保洁钟点工", "cleaning", C, [("hour", 32, 40)],
      "按预约上门做家庭保洁，每次 3 至 4 小时，包括厨房、卫生间和地面清洁。",
      "做事细致，守时守信，会用智能手机接单更好", ("company", "家政服务有限公司"), ["older", "low_income"]),
    T("写字楼夜间保洁", "cleaning", C, [("hour", 25, 30)],
      "晚上 18:00 到 22:00 清扫写字楼公共区域、倾倒垃圾、擦拭电梯轿厢。",
      "身体健康，能上夜班", ("company", "物业服务有限公司"), ["older", "disabled"], hc=(2, 4),
      time=("18:00", "22:00")),
    T("医院门诊楼保洁", "cleaning", C, [("month", 2800, 3300)],
      "负责门诊楼一个楼层的日常保洁和消毒，按医院感控要求分类处理垃圾。",
      "愿意长期做，上岗前参加医院统一的感控培训", ("company", "物业管理有限公司"), ["older", "low_income"],
      hc=(2, 4), time=("07:00", "17:00")),
    T("家庭深度保洁（擦玻璃、清油烟）", "cleaning", C, [("hour", 35, 45)],
      "入冬前家庭深度保洁：擦玻璃、清理厨房油烟、整理储物间，一般 4 小时一单。",
      "有家政保洁经验", ("company", "家政服务有限公司"), ["older"], hc=(3, 6)),
    T("小区楼道保洁", "cleaning", ANY, [("month", 2400, 2800)],
      "负责两栋住宅楼的楼道、电梯间清扫和垃圾清运，冬季负责单元门口除冰。",
      "身体健康，工作认真，家住附近更方便", ("company", "物业服务有限公司"), ["older", "low_income"],
      time=("07:00", "16:00")),
    T("酒店客房整理（冬季）", "cleaning", ("tour", "city"), [("day", 160, 200), ("piece", 9, 12, "每间")],
      "冬季旅游旺季，协助整理退房客房、更换布草、补充客用品。",
      "做事麻利，有客房经验者优先，无经验可现场培训", ("company", "酒店管理有限公司"), hc=(2, 6),
      time=("09:00", "16:00")),
    T("商场地面养护与保洁", "cleaning", C, [("dayhour", 25, 30)],
      "商场闭店后做地面清洗打蜡和公共区域保洁。",
      "能上夜班，会用洗地机更好，不会的可现场教", ("company", "物业管理有限公司"), hc=(2, 4),
      time=("21:30", "01:30")),
    T("社区街巷积雪清扫（公益性岗位）", "cleaning", ANY, [("month", 2300, 2500)],
      "冬季负责社区街巷、人行道积雪清扫和撒融雪剂，雪后 24 小时内完成清扫。",
      "本辖区就业困难人员优先安排，身体健康能室外作业", ("public", "街道办事处"),
      ["older", "long_unemployed", "low_income"], hc=(4, 10), time=("07:00", "15:00"), outdoor=True),
    T("城区临时除雪", "cleaning", ANY, [("day", 160, 200)],
      "大雪后清扫主干道人行道和公交站台积雪，按片区分组作业。",
      "能室外作业，自备防寒衣物；工具、手套由用工单位提供", ("public", "环境卫生服务中心"),
      ["older", "long_unemployed"], hc=(10, 30), time=("06:30", "14:30"), outdoor=True),
    T("油烟机深度清洗", "cleaning", C, [("piece", 50, 70, "每台")],
      "上门拆洗家用油烟机，清洗后复装并试机。",
      "有家电清洗经验，按每台计件", ("company", "家政服务有限公司"), hc=(1, 2)),

    # ---------------- loading 装卸搬运 ----------------
    T("年货装卸（干果炒货）", "loading", ("city", "port"), [("day", 220, 280), ("piece", 1, 2, "每箱")],
      "年货批发仓库卸车、码垛和装车，货物以干果、炒货纸箱为主，每箱约 10 公斤。",
      "能搬运重物，会使用地牛（手动液压搬运车）更好", ("company", "商贸有限公司"), hc=(4, 10)),
    T("冷库分拣（冻牛羊肉）", "loading", ("city", "herd", "farm"), [("day", 240, 300)],
      "在零下 18 度冷库内按订单分拣冻牛羊肉，每作业 1 小时到缓冲间休息取暖。",
      "身体健康，能适应低温作业；防寒工服和手套由公司提供", ("company", "肉食品有限公司"), hc=(4, 8)),
    T("快递分拣（夜班）", "loading", ("city",), [("dayhour", 24, 28), ("piece", 0.2, 0.3, "每件")],
      "晚上在快递转运中心卸车、上线分拣和装袋，年前件量大。",
      "能上夜班，会用手机扫码", ("company", "快递有限公司"), ["long_unemployed"], hc=(5, 15),
      time=("20:00", "04:00")),
    T("面粉装车", "loading", ("farm",), [("piece", 10, 14, "每吨")],
      "面粉厂成品库装车，每袋 25 公斤，按装车吨数计件，几个人一组分配。",
      "体力好，能连续搬运", ("company", "面业有限公司"), hc=(4, 8)),
    T("煤矿地面装车辅助", "loading", ("mine",), [("day", 280, 330)],
      "在煤矿地面储煤场配合装载机装车，清理撒落煤块，疏导车辆排队。",
      "入场前参加矿方安全培训并考试合格，劳保用品由矿方发放", ("company", "能源有限公司"), hc=(3, 8),
      time=("08:00", "18:00"), outdoor=True),
    T("搬家跟车", "loading", C, [("day", 200, 260)],
      "跟车为居民搬家，负责打包、搬运和家具拆装。",
      "能搬重物，会简单拆装家具", ("company", "搬家服务有限公司"), hc=(2, 4)),
    T("建材卸车", "loading", ("city", "any"), [("piece", 12, 18, "每吨")],
      "建材市场卸水泥、石膏板，按卸车吨数计件，当天结算。",
      "体力好，按每吨计件", ("individual", "建材店老板"), hc=(2, 6)),
    T("口岸进口木材装卸", "loading", ("port",), [("day", 270, 320)],
      "口岸货场进口木材倒装作业，配合吊车司机挂钩、理货和绑扎。",
      "有货场装卸经验者优先，上岗前参加安全交底", ("company", "国际物流有限公司"), hc=(4, 10), outdoor=True),
    T("物流园零担装卸", "loading", ("city", "mine", "port"), [("dayr", 220, 280)],
      "物流园零担货物装卸、按单核对件数并码放整齐。",
      "能搬运，细心核对", ("agency", None), hc=(4, 12)),
    T("马铃薯入窖搬运", "loading", ("farm",), [("day", 180, 230)],
      "把分拣好的马铃薯装袋、搬运入窖并码放，注意防冻。",
      "能搬运重物，就近村民优先", ("individual", "种植户"), ["older"], hc=(4, 10)),
    T("饲草打捆装车", "loading", ("herd", "farm"), [("piece", 1.2, 2, "每捆")],
      "把打好的草捆装上货车并捆扎固定，按每捆计件。",
      "能搬运，冬季室外作业需自备防寒衣物", ("individual", "养殖户"), hc=(3, 8), outdoor=True),
    T("超市年货到货卸车", "loading", C, [("hour", 25, 28)],
      "超市后仓年货到货卸车、拆箱和入库，每天 4 小时左右。",
      "能搬运，会用手机扫码更好", ("company", "超市有限公司"), ["older", "long_unemployed"]),

    # ---------------- farming 农牧用工 ----------------
    T("牧区冬季补饲", "farming", ("herd",), [("day", 180, 240), ("month", 4500, 5500)],
      "冬季为羊群、牛群补饲草料、破冰饮水，清理棚圈积雪。",
      "有放牧或养殖经验，能适应牧区生活，住牧户家", ("individual", "牧户"), hc=(1, 2),
      meal="包吃住", outdoor=True),
    T("羊群冬季接羔准备", "farming", ("herd",), [("day", 200, 250)],
      "修补暖棚、铺垫草、准备接羔用具，配合牧户做好冬羔接产准备。",
      "有养羊经验，吃住在牧户家", ("individual", "牧户"), hc=(1, 2), meal="包吃住", outdoor=True),
    T("肉牛育肥场饲喂", "farming", ("farm", "herd"), [("month", 4200, 5000)],
      "按配方给育肥牛投喂草料，清理牛舍，记录采食情况。",
      "能长期干，有养牛经验者优先", ("company", "牧业有限公司"), hc=(2, 4), meal="包吃住"),
    T("温室大棚番茄采摘", "farming", ("farm",), [("day", 150, 180), ("dayhour", 22, 25)],
      "在日光温室内采摘番茄、整枝打杈，采后分级装箱。",
      "手脚麻利，就近村民优先", ("company", "农业专业合作社"), ["older"], hc=(4, 10)),
    T("玉米脱粒装袋", "farming", ("farm",), [("piece", 25, 35, "每吨")],
      "配合脱粒机作业，玉米粒装袋、过秤和码垛，按每吨计件。",
      "能搬运，就近务工", ("individual", "种植户"), hc=(3, 6), outdoor=True),
    T("葵花籽挑选分级", "farming", ("farm",), [("piece", 0.3, 0.5, "每斤")],
      "坐着在流水线旁挑出瘪籽、杂质，按每斤计件，适合大龄和行动不便的劳动者。",
      "手眼灵活，按每斤计件", ("company", "炒货食品有限公司"), ["older", "disabled"], hc=(6, 15),
      time=("08:00", "17:00")),
    T("奶牛场挤奶工", "farming", ("farm", "herd"), [("month", 4500, 5500)],
      "在挤奶厅按流程完成药浴、挤奶和设备清洗，三班倒。",
      "能倒班，牧场提供岗前培训", ("company", "乳业牧场有限公司"), hc=(2, 4), meal="包吃住",
      time=("06:00", "14:00")),
    T("棚圈清理消毒", "farming", ("herd", "farm"), [("day", 200, 240)],
      "清理羊舍粪污、铺垫干土并喷洒消毒，配合防疫员工作。",
      "能干体力活", ("individual", "养殖户"), hc=(1, 3), meal="管午饭", outdoor=True),
    T("草场围栏维修", "farming", ("herd",), [("day", 220, 260)],
      "冬季封冻前修补草场网围栏、更换立柱，牧户开车接送。",
      "会用钳子、铁丝等工具，能野外作业", ("individual", "牧户"), hc=(2, 3), meal="管三餐", outdoor=True),
    T("冬储饲草码垛", "farming", ("herd", "farm"), [("day", 200, 240)],
      "把收储的青贮和干草码垛、苫盖防雪。",
      "能搬运，适应室外作业", ("company", "饲草料专业合作社"), hc=(3, 6), outdoor=True),
    T("小米去杂挑拣", "farming", ("farm",), [("piece", 0.4, 0.6, "每斤")],
      "小米筛选后人工挑出杂质和碎粒，坐姿作业，按每斤计件。",
      "眼神好、细心，按每斤计件", ("company", "杂粮专业合作社"), ["older", "disabled"], hc=(4, 10),
      time=("08:00", "16:30")),
    T("马铃薯分拣", "farming", ("farm",), [("day", 160, 200)],
      "在分拣线旁按大小挑拣马铃薯、剔除病薯并装袋。",
      "能站立作业，就近村民优先", ("company", "薯业有限公司"), ["older", "low_income"], hc=(6, 15)),
    T("红干椒去把分拣", "farming", ("farm",), [("piece", 0.8, 1.2, "每斤")],
      "在加工点给红干椒去把、挑出霉变椒，按每斤计件，室内作业有暖气。",
      "手脚麻利，按每斤计件", ("company", "辣椒专业合作社"), ["older", "disabled", "low_income"], hc=(8, 20),
      time=("08:00", "17:00")),
    T("骆驼养殖场饲喂", "farming", ("herd",), [("month", 4000, 4800)],
      "负责驼群补饲、饮水和圈舍清理，协助挤驼奶。",
      "有养殖经验，能住场", ("company", "驼业有限公司"), hc=(1, 2), meal="包吃住"),
    T("温室草莓育苗帮工", "farming", ("farm",), [("dayhour", 22, 26)],
      "温室内草莓苗定植、浇水和铺地膜，室内作业。",
      "细心，就近务工", ("company", "农业科技有限公司"), ["older"], hc=(3, 6)),

    # ---------------- catering 餐饮服务 ----------------
    T("餐馆帮厨", "catering", ANY, [("day", 160, 200)],
      "择菜、洗菜、切配和后厨清洁，中午和晚上两个高峰。",
      "需办理食品从业人员健康证明，由店方统一安排", ("individual", "餐馆老板"), hc=(1, 2),
      time=("09:00", "20:30"), meal="管两餐"),
    T("火锅店传菜员", "catering", C, [("hour", 24, 28)],
      "晚市传菜、收台和补充调料台，每天 17:00 到 22:00。",
      "手脚勤快，能站立工作", ("company", "餐饮管理有限公司"), hc=(2, 4), time=("17:00", "22:00"), meal="管晚饭"),
    T("烧麦馆面点帮工", "catering", C, [("day", 170, 210)],
      "清晨配合面点师傅和面、擀皮、包烧麦，上午 11 点前完成备货。",
      "能早起，会面点更好", ("individual", "烧麦馆老板"), hc=(1, 2), time=("04:30", "11:30"), meal="管早饭"),
    T("单位食堂洗碗工", "catering", ANY, [("month", 2600, 3000)],
      "单位食堂餐具清洗消毒和后厨地面清洁，每周休息一天。",
      "身体健康，需办理健康证明，由食堂统一安排", ("company", "餐饮服务有限公司"), ["older", "disabled"],
      time=("06:30", "14:00"), meal="管三餐"),
    T("手把肉馆后厨杂工", "catering", ("herd", "city"), [("day", 170, 210)],
      "后厨煮肉、剁骨、洗菜和清洁，冬季客人多。",
      "能吃苦，有后厨经验者优先", ("individual", "饭店老板"), hc=(1, 2), time=("09:30", "21:00"), meal="管两餐"),
    T("婚宴服务员（周末）", "catering", ANY, [("piece", 100, 140, "每场")],
      "周末婚宴传菜、摆台和撤台，每场约 5 小时。",
      "形象干净，会用托盘，按每场计", ("company", "酒店有限公司"), hc=(6, 15), time=("10:00", "15:00"),
      meal="管一餐"),
    T("滑雪场餐厅服务员", "catering", ("tour",), [("month", 3800, 4500)],
      "雪季在滑雪场餐厅点餐、传菜和收台，12 月至次年 3 月。",
      "能住宿舍，干满雪季", ("company", "旅游发展有限公司"), hc=(3, 8), meal="包吃住"),
    T("早餐店包子帮工", "catering", ANY, [("hour", 24, 28)],
      "早上 5 点到 9 点包包子、蒸包子和收拾餐桌。",
      "能早起，家住附近更方便", ("individual", "早餐店老板"), ["older"], time=("05:00", "09:00"), meal="管早饭"),
    T("饭店晚市外卖打包", "catering", C, [("hour", 25, 30)],
      "饭店晚市外卖订单多，负责外卖装盒、贴单和出餐核对。",
      "细心，能站立工作", ("company", "餐饮管理有限公司"), hc=(2, 4), time=("15:00", "21:00"), meal="管晚饭"),
    T("机关食堂面点师傅", "catering", ANY, [("month", 4500, 5500)],
      "负责食堂早餐和午餐面点制作，花卷、馒头、烙饼等。",
      "有面点经验，能长期做", ("company", "餐饮服务有限公司"), time=("05:30", "13:30"), meal="管三餐"),

    # ---------------- care 护理陪护 ----------------
    T("医院陪护（夜间）", "care", C, [("day", 200, 260)],
      "在医院为住院老人做夜间陪护，协助如厕、翻身和喝水，记录护士交代的事项。",
      "有陪护经验，耐心细致；持护理员证书的优先，没有证书可参加市场的免费培训", ("individual", "患者家属"),
      ["older"], hc=(1, 1), time=("19:00", "07:00")),
    T("居家养老助餐送餐", "care", C, [("hour", 24, 28)],
      "中午把社区食堂的饭菜送到独居老人家中，顺便问候老人身体情况。",
      "会骑电动车，认路，有耐心", ("company", "养老服务有限公司"), ["older", "disabled", "long_unemployed"],
      hc=(2, 4), time=("10:30", "13:30")),
    T("失能老人护理员", "care", ("city", "any"), [("month", 4200, 5200)],
      "在养老机构照护失能、半失能老人的饮食起居，协助翻身、清洁和康复活动。",
      "有爱心和耐心，机构提供岗前培训", ("company", "养老服务有限公司"), hc=(2, 5), meal="包吃住"),
    T("月嫂（住家 26 天）", "care", C, [("month", 7500, 9500)],
      "住家照顾产妇和新生儿 26 天，包括新生儿护理、产妇月子餐。",
      "有母婴护理经验，持母婴护理证书优先", ("company", "母婴护理有限公司"), hc=(1, 1), meal="包吃住"),
    T("育儿嫂（白班）", "care", C, [("month", 4500, 5500)],
      "白天照看 1 岁幼儿，做辅食、陪玩和简单家务。",
      "有带孩子经验，耐心细致", ("individual", "个人雇主"), hc=(1, 1), time=("08:00", "18:00"), meal="管午饭"),
    T("社区助老服务（公益性岗位）", "care", ANY, [("month", 2300, 2500)],
      "在社区日间照料中心陪伴老人、组织活动、协助助餐，定期探访独居老人。",
      "本辖区就业困难人员优先，有耐心", ("public", "社区居民委员会"), ["older", "long_unemployed", "low_income"],
      hc=(1, 3), time=("08:30", "16:30")),
    T("康复陪同（短期）", "care", C, [("day", 180, 220)],
      "陪同术后老人去医院做康复治疗，往返搀扶、排队挂号。",
      "有耐心，会用手机挂号更好", ("individual", "个人雇主"), ["older"], hc=(1, 1), time=("08:00", "16:00")),

    # ---------------- driving 驾驶运输 ----------------
    T("夜间代驾", "driving", C, [("piece", 35, 50, "每单")],
      "晚上为饮酒车主提供代驾，按单结算，平台派单。",
      "驾龄 3 年以上，无不良驾驶记录，按每单计", ("company", "汽车服务有限公司"), hc=(3, 8),
      time=("19:00", "02:00")),
    T("铲车司机（除雪）", "driving", ANY, [("day", 300, 350)],
      "雪后驾驶装载机清理厂区和道路积雪。",
      "持有效装载机操作证，有除雪经验更好", ("company", "市政工程有限公司"), hc=(1, 3), outdoor=True),
    T("冷链配送司机", "driving", C, [("month", 6000, 7000)],
      "驾驶 4.2 米冷藏车给超市和餐饮店配送冷冻食品，市区线路。",
      "持 C1 及以上驾照，熟悉本地道路", ("company", "冷链物流有限公司"), hc=(1, 2)),
    T("煤矿通勤班车司机", "driving", ("mine",), [("month", 6000, 7200)],
      "早晚接送矿工上下班，往返城区和矿区。",
      "持 A1 驾照，5 年以上客车驾龄", ("company", "运输有限公司"), hc=(1, 2), time=("06:00", "19:00")),
    T("年货配送小货车司机", "driving", C, [("day", 280, 330)],
      "驾驶小货车给商户配送年货，每天 20 个左右送货点，司机不用搬运大件。",
      "持 C1 驾照，熟悉城区道路", ("company", "商贸有限公司"), hc=(1, 3)),
    T("牧区饲料配送司机", "driving", ("herd", "farm"), [("day", 280, 320)],
      "驾驶货车把饲料送到各嘎查牧户，路况为砂石路。",
      "持 B2 驾照，有冬季行车经验", ("company", "饲料有限公司"), hc=(1, 2), outdoor=True),
    T("网约货车跟车装卸", "loading", C, [("piece", 40, 60, "每单")],
      "跟随网约货车为客户装卸货物，按单结算。",
      "能搬运，按每单计", ("company", "货运信息服务有限公司"), hc=(1, 3)),

    # ---------------- factory 加工制造 ----------------
    T("羊绒分梳辅助工", "factory", ("city", "farm", "mine"), [("piece", 5, 7, "每公斤")],
      "在分梳车间上料、收绒和清理机台，按分梳完成的公斤数计件。",
      "手脚麻利，工厂提供岗前培训，按每公斤计件", ("company", "羊绒制品有限公司"), hc=(4, 10),
      time=("08:00", "17:30")),
    T("乳制品厂包装工", "factory", ("city", "farm"), [("dayhour", 24, 28)],
      "在包装线上装箱、封箱和码托，车间恒温。",
      "能站立作业，需办理健康证明，由工厂统一安排", ("company", "乳业有限公司"), hc=(6, 15),
      time=("08:00", "18:00"), meal="管午饭"),
    T("牛肉干加工包装", "factory", ("city", "herd"), [("day", 180, 220)],
      "牛肉干切条、摆盘和真空包装，年货旺季。",
      "需办理健康证明，由工厂统一安排", ("company", "肉食品有限公司"), ["older"], hc=(4, 10), meal="管午饭"),
    T("奶食品作坊帮工", "factory", ("herd",), [("day", 160, 200)],
      "协助制作奶豆腐、奶皮子，清洗器具，冬季年货订单多。",
      "干净利落，有制作奶食品经验更好", ("individual", "奶食品作坊主"), ["older"], hc=(1, 2), meal="管午饭"),
    T("稀土材料厂包装辅工", "factory", ("mine",), [("day", 220, 260)],
      "车间成品称重、装桶和贴标，佩戴厂方配发的防护用品作业。",
      "上岗前参加厂方安全培训", ("company", "稀土材料有限公司"), hc=(3, 6), meal="管午饭"),
    T("风电叶片打磨", "factory", ("mine", "city", "farm"), [("day", 250, 300)],
      "在风电叶片厂房内打磨叶片表面，配发防尘服和防护口罩。",
      "能长时间站立作业", ("company", "新能源装备有限公司"), hc=(4, 10), meal="管午饭"),
    T("服装厂锁边钉扣", "factory", C, [("piece", 0.6, 1.0, "每件")],
      "冬装锁边、钉扣，坐姿作业，按每件计件。",
      "会用缝纫机，按每件计件", ("company", "服饰有限公司"), ["disabled", "older"], hc=(3, 8),
      time=("08:00", "17:30")),
    T("年货礼盒装箱", "factory", ("city", "farm"), [("piece", 1.0, 1.5, "每箱")],
      "把杂粮、牛肉干等年货装入礼盒，封箱贴标，按每箱计件，坐姿作业。",
      "手脚麻利，按每箱计件", ("company", "农产品电子商务有限公司"), ["older", "disabled", "low_income"],
      hc=(6, 15), time=("08:30", "17:30")),
    T("焦化厂地面清扫", "factory", ("mine",), [("day", 220, 260)],
      "清扫厂区道路和皮带廊积尘，配合设备检修清理现场。",
      "入厂前参加安全培训，劳保用品由厂方发放", ("company", "焦化有限公司"), hc=(3, 8), meal="管午饭"),
    T("光伏组件装配", "factory", ("city", "mine"), [("dayhour", 25, 30)],
      "在流水线上完成光伏组件接线盒安装、打胶和外观检查。",
      "视力好，能倒班，工厂提供岗前培训", ("company", "光伏科技有限公司"), hc=(5, 15), meal="管午饭"),
    T("月饼厂包装工（年货订单）", "factory", ("farm", "city"), [("day", 170, 210)],
      "年货订单月饼和糕点的装盒、封口、装箱，车间有暖气。",
      "需办理健康证明，由工厂统一安排", ("company", "食品有限公司"), ["older"], hc=(6, 15), meal="管午饭"),
    T("木材加工厂帮工", "factory", ("tour", "port", "farm"), [("day", 200, 250)],
      "配合机台师傅上料、码放板材，清理锯末。",
      "身体健康，上岗前参加安全培训", ("company", "木业有限公司"), hc=(2, 6), meal="管午饭"),
    T("肉羊屠宰分割", "factory", ("farm", "herd"), [("piece", 8, 12, "每只")],
      "在屠宰加工厂按工序完成分割和修整，按每只计件。",
      "有屠宰分割经验，按每只计件", ("company", "肉业有限公司"), hc=(4, 10), meal="管午饭"),

    # ---------------- security 安保值守 ----------------
    T("小区夜间巡逻", "security", ANY, [("month", 2800, 3400)],
      "夜间按路线巡逻小区，检查消防通道和单元门，做好巡查记录。",
      "身体健康，能上夜班", ("company", "保安服务有限公司"), ["older"], hc=(1, 3), time=("19:00", "07:00")),
    T("商场门岗", "security", C, [("month", 3000, 3500)],
      "商场出入口值守、引导顾客、协助处置突发情况。",
      "持保安员证优先，没有证书可由公司组织考取", ("company", "保安服务有限公司"), hc=(1, 3),
      time=("09:00", "21:00")),
    T("滑雪场安全员", "security", ("tour",), [("day", 200, 240)],
      "在雪道旁值守、引导游客、协助救护人员处置摔伤。",
      "会滑雪，能适应室外低温", ("company", "旅游发展有限公司"), hc=(2, 6), outdoor=True, meal="管午饭"),
    T("工地夜间值守", "security", ANY, [("day", 150, 180)],
      "冬季停工期间夜间看护工地材料和设备，值班室有取暖。",
      "责任心强，能上夜班", ("company", "建筑工程有限公司"), ["older"], hc=(1, 2), time=("18:00", "08:00")),
    T("冬季文艺演出安保", "security", C, [("day", 180, 220)],
      "体育馆冬季文艺演出现场秩序维护和人流疏导，演出前一天参加培训。",
      "服从指挥，持保安员证优先", ("company", "保安服务有限公司"), hc=(10, 20), time=("16:00", "23:00")),
    T("停车场值守", "security", ANY, [("month", 2600, 3000)],
      "停车场出入口值守、引导停车，冬季清理车道积雪。",
      "身体健康，会用手机", ("company", "物业管理有限公司"), ["older", "disabled"], time=("08:00", "20:00")),
    T("煤矿门岗", "security", ("mine",), [("month", 3500, 4000)],
      "煤矿大门值守、登记外来车辆和人员，两班倒。",
      "持保安员证优先", ("company", "能源有限公司"), hc=(1, 2), meal="包吃住"),
    T("冰雪节游客疏导员", "security", ("tour",), [("day", 180, 220)],
      "冰雪节期间在景区入口和主要通道疏导游客、维持秩序。",
      "能室外值守，自备防寒衣物", ("company", "文化旅游有限公司"), hc=(6, 15), time=("10:00", "20:00"),
      outdoor=True),
    T("物流园夜班值守", "security", ("mine", "port", "city"), [("day", 160, 190)],
      "夜间巡查物流园货场和车辆，做好交接记录。",
      "能上夜班", ("company", "物流园管理有限公司"), ["older"], time=("19:00", "07:00")),
    T("供暖站值守（冬季）", "security", ANY, [("month", 3200, 3800)],
      "在换热站值守，巡查设备运行，发现异常及时报告。",
      "有锅炉或换热站工作经验优先", ("company", "热力有限公司"), hc=(1, 2), time=("08:00", "20:00")),

    # ---------------- retail 商超促销 ----------------
    T("超市理货", "retail", ANY, [("hour", 24, 28)],
      "早上补货上架、整理货架和更换价签，每天 4 小时。",
      "做事认真，会用手机", ("company", "超市有限公司"), ["older", "disabled"], hc=(2, 4), time=("07:00", "11:00")),
    T("年货节促销员", "retail", C, [("day", 180, 220)],
      "在商场年货节展位介绍牛羊肉、奶制品等本地特产。",
      "口齿清楚，能站立工作", ("company", "食品有限公司"), hc=(2, 6), time=("09:30", "20:00")),
    T("商场收银（周末）", "retail", C, [("hour", 25, 28)],
      "周末高峰期收银台支援，熟练使用收银系统者优先，不会的可现场培训。",
      "细心，能站立工作", ("company", "商业有限公司"), hc=(2, 4), time=("10:00", "18:00")),
    T("奶制品展销导购", "retail", ("city", "herd"), [("day", 170, 210)],
      "在超市奶制品区介绍奶茶粉、奶酪和奶皮子，引导试吃。",
      "能用普通话与顾客交流，会说蒙古语更好", ("company", "乳业有限公司"), hc=(1, 3), time=("10:00", "20:00")),
    T("口岸商贸城理货", "retail", ("port",), [("day", 180, 220)],
      "商贸城商户理货、打包和补货。",
      "能搬运，细心", ("individual", "商户"), hc=(1, 3)),
    T("农产品展销会导购", "retail", ("farm", "city"), [("day", 160, 200)],
      "年货展销会上为合作社介绍杂粮、葵花籽等农产品，帮忙称重打包。",
      "口齿清楚", ("company", "农民专业合作社"), ["older", "low_income"], hc=(2, 4), time=("09:00", "18:00")),
    T("便利店夜班店员", "retail", C, [("hour", 24, 27)],
      "便利店夜班收银、上货和店面清洁。",
      "能上夜班，会用手机收款", ("company", "便利店有限公司"), hc=(1, 1), time=("22:00", "07:00")),

    # ---------------- repair 维修安装 ----------------
    T("暖气不热上门排查", "repair", C, [("day", 250, 320)],
      "跟随热力公司维修班组上门排查暖气不热，放气、清洗过滤器、调节阀门。",
      "有暖通维修经验", ("company", "热力有限公司"), hc=(2, 4)),
    T("小区水电维修", "repair", ANY, [("day", 250, 300)],
      "物业小区公共部位和住户报修的水电维修。",
      "持有效电工作业证", ("company", "物业服务有限公司"), hc=(1, 2)),
    T("供暖管网阀门检修辅助", "repair", ("city", "mine"), [("day", 230, 280)],
      "配合管网维修班组开挖检查井、搬运阀门和管件。",
      "能干体力活，听从班组安排", ("company", "热力有限公司"), hc=(2, 6), outdoor=True),
    T("电动车维修帮工", "repair", ANY, [("day", 160, 200)],
      "电动车修理铺帮工：补胎、换电瓶、检查线路。",
      "有维修基础更好，可跟师傅学", ("individual", "修理铺老板"), ["long_unemployed"], hc=(1, 1)),
    T("农机冬季检修", "repair", ("farm",), [("day", 230, 280)],
      "冬闲检修拖拉机和收割机，更换易损件、做好保养记录。",
      "有农机维修经验", ("company", "农机服务专业合作社"), hc=(1, 3), meal="管午饭"),
    T("太阳能热水器防冻检修", "repair", ("farm", "herd"), [("piece", 35, 50, "每台")],
      "上门检修太阳能热水器防冻管路和电伴热带，按每台计件。",
      "会水电维修，按每台计件", ("company", "太阳能有限公司"), hc=(1, 2), outdoor=True),
    T("冷柜空调维修辅助", "repair", C, [("day", 220, 260)],
      "配合师傅维修商户冷柜和空调，搬运设备、递送工具。",
      "有制冷维修基础优先", ("company", "制冷设备有限公司"), hc=(1, 2)),
]


# --------------------------------------------------------------------------
# Postings
# --------------------------------------------------------------------------

BRANDS = ["北辰", "祥和", "安达", "顺源", "恒泰", "金穗", "福润", "白云", "兴业", "长青", "瑞丰", "春华",
          "北疆", "万通", "嘉禾", "同心", "新元", "德润", "和顺", "宏图", "众诚", "安居", "惠民", "通达"]
SURNAMES = ["王", "李", "张", "刘", "赵", "杨", "高", "郭", "马", "孙", "周", "吴", "徐", "胡", "贾", "田",
            "白", "乔", "韩", "闫", "冯", "郝", "武", "任", "宋", "何"]
HERDER_NAMES = ["巴特尔", "其其格", "朝鲁", "乌云", "苏和", "那仁", "额尔敦", "萨仁", "宝音", "图雅"]
TITLES = ["经理", "师傅", "女士", "先生"]

DAY_SETTLE = ["工资日结，当天收工后结清。", "日结，收工后通过微信转账当天付清。", "按天计算，完工后当天付清工资。"]
MEALS = ["中午管一顿饭。", "不管饭，附近有小饭馆。", "提供午饭和热水。", "不管饭，休息室可以用微波炉热饭。"]
AGREEMENT = "到岗前可在市场服务台签订劳务协议，工作人员免费帮助填写。"


class Ctx:
    def __init__(self, rng, markets):
        self.rng = rng
        self.markets = markets
        self.mobile = 100
        self.landline = {}
        self.people = {}  # (market, title) -> (employer, contact)

    def next_mobile(self):
        self.mobile += 1
        return f"138-0000-{self.mobile:04d}"

    def next_landline(self, area):
        n = self.landline.get(area, 8000) + 1
        self.landline[area] = n
        return f"{area}-0000-{n:04d}"


def place_for(m):
    return m["league_short"] if m["busy"] in ("busiest", "big", "mid") else m["county_name"]


def employer_and_contact(cx, m, t):
    key = (m["id"], t["title"])
    if key in cx.people:
        return cx.people[key]
    rng = cx.rng
    kind, part = t["emp"]
    sur = rng.choice(SURNAMES)
    if kind == "company":
        name = f"{place_for(m)}{rng.choice(BRANDS)}{part}（示例）"
        contact = {"name": sur + rng.choice(TITLES), "phone": cx.next_mobile()}
    elif kind == "agency":
        name = f"{place_for(m)}{rng.choice(BRANDS)}人力资源服务有限公司（示例）"
        contact = {"name": sur + "经理", "phone": cx.next_mobile()}
    elif kind == "public":
        mid = "示例" if part in ("街道办事处", "社区居民委员会") else ""
        name = f"{m['county_name']}{mid}{part}（示例）"
        contact = {"name": sur + "主任", "phone": cx.next_landline(m["area"])}
    else:  # individual
        if part == "牧户":
            who = rng.choice(HERDER_NAMES)
            name = f"牧户{who}（示例）"
            contact = {"name": who, "phone": cx.next_mobile()}
        else:
            who = sur + rng.choice(["先生", "女士"])
            name = f"{part}{who}（示例）"
            contact = {"name": who, "phone": cx.next_mobile()}
    employer = {"name": name, "kind": kind}
    if kind in ("company", "agency"):
        # A made-up unified social credit code with a valid check character (GB 32100),
        # numbered in the order employers are made (no draw from the generator).
        employer["credit_code"] = credit_code(f"91{m['county']}MA0{len(cx.people):06d}")
    if kind == "agency":
        employer["licence"] = f"（示例）人服证字第{m['county']}{len(cx.people):04d}号"
    res = (employer, contact)
    cx.people[key] = res
    return res


CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(first17):
    """The 18-character code: `first17` and its GB 32100-2015 check character."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return first17 + CREDIT_CHARS[(31 - total % 31) % 31]


def num(x):
    x = round(x, 1)
    return int(x) if x == int(x) else x


def make_pay(rng, opt, wage_class):
    hfloor, mfloor = WAGE[wage_class]
    typ = opt[0]
    if typ in ("day", "dayr"):
        lo, hi = opt[1], opt[2]
        a = rng.randrange(lo, hi + 1, 10)
        if typ == "dayr" or rng.random() < 0.12:
            b = min(a + rng.choice([20, 30, 40]), hi + 40)
            return "day", {"min": a, "max": b, "unit": "day"}
        return "day", {"amount": a, "unit": "day"}
    if typ in ("hour", "dayhour"):
        a = max(rng.randint(opt[1], opt[2]), int(hfloor) + 1)
        kind = "part_time" if typ == "hour" else "day"
        if rng.random() < 0.2:
            return kind, {"min": a, "max": a + rng.choice([3, 5]), "unit": "hour"}
        return kind, {"amount": a, "unit": "hour"}
    if typ == "month":
        a = max(rng.randrange(opt[1], opt[2] + 1, 100), mfloor + 30)
        if rng.random() < 0.25:
            return "full_time", {"min": a, "max": a + rng.choice([500, 800, 1000]), "unit": "month"}
        return "full_time", {"amount": a, "unit": "month"}
    if typ == "piece":
        lo, hi = opt[1], opt[2]
        if hi <= 3:
            a = num(rng.randint(int(lo * 10), int(hi * 10)) / 10)
        elif lo >= 30:
            a = rng.randrange(int(lo), int(hi) + 1, 5)
        else:
            a = rng.randint(int(lo), int(hi))
        return "piece", {"amount": a, "unit": "piece"}
    raise ValueError(typ)


def hhmm_add(hhmm, minutes):
    h, m = map(int, hhmm.split(":"))
    t = h * 60 + m + minutes
    return f"{(t // 60) % 24:02d}:{t % 60:02d}"


def pay_text(pay):
    if "amount" in pay:
        return f"{pay['amount']}"
    return f"{pay['min']}-{pay['max']}"


def make_body(rng, m, t, kind, pay, opt, loc_addr, quick):
    p1 = t["duty"]
    if loc_addr:
        p1 += f"工作地点：{loc_addr}。"
    unit = pay["unit"]
    if unit == "piece":
        word = opt[3]
        settle = "收工前核对数量，当天结清" if quick else rng.choice(
            ["每天收工前核对数量，当天结清", "按周结算，每周六核对数量后发放"])
        p2 = f"计件工资：{word} {pay['amount']} 元，{settle}。"
    elif unit == "month":
        if t["emp"][0] == "public":
            p2 = "签订劳动合同，按规定缴纳社会保险，工资按月发放。"
        else:
            p2 = f"月薪 {pay_text(pay)} 元，每月 10 日前发放上月工资；签订劳动合同，依法缴纳社会保险。"
    elif unit == "hour":
        if kind == "part_time":
            p2 = f"每小时 {pay_text(pay)} 元，" + rng.choice(["按实际小时数每周五结算一次。", "按小时计算，周结。"])
        else:
            p2 = f"每小时 {pay_text(pay)} 元，按实际工作小时计算，日结。"
    else:
        p2 = f"日工资 {pay_text(pay)} 元。" + rng.choice(DAY_SETTLE)
    meal = t["meal"]
    if meal:
        p2 += meal + ("，宿舍有暖气。" if meal == "包吃住" else "。")
    elif kind == "day":
        p2 += rng.choice(MEALS)
    p3 = []
    if t["outdoor"]:
        p3.append("室外作业，请穿好棉衣棉鞋；手套、安全帽等劳保用品由用工方提供。")
    if (unit in ("day", "piece") or kind == "day") and t["cat"] != "driving":
        meet = hhmm_add(t["time"][0], -30)
        p3.append(rng.choice([
            f"早上 {meet} 在市场门口集合，用工方派车接送。" if t["time"][0] >= "06:30" else "离市场不远，可乘公交到达。",
            "离市场不远，可乘公交到达。",
            f"工作地点离市场约 {rng.randint(2, 15)} 公里，用工方派车接送。",
        ]))
    if rng.random() < 0.35:
        p3.append(AGREEMENT)
    paras = [p1, p2] + (["".join(p3)] if p3 else [])
    return Block("\n\n".join(paras) + "\n")


LOC_KIND = {"herd": "示例嘎查", "farm": "示例村", "mine": "示例工业园", "port": "示例货场", "tour": "示例景区",
            "city": "示例小区"}


def posting_location(rng, m, t):
    ctx = [c for c in ("herd", "farm", "mine", "port", "tour", "city") if c in t["ctx"] & m["ctx"]]
    base = LOC_KIND[ctx[0]] if ctx else "示例小区"
    extra = f" {rng.randint(1, 20)} 号楼" if base == "示例小区" else ""
    addr = f"{m['county_name']}{base}{extra}（示例）"
    return addr, Flow(address=addr, lat=round(m["lat"] + rng.uniform(-0.03, 0.03), 5),
                      lon=round(m["lon"] + rng.uniform(-0.03, 0.03), 5))


def make_posting(cx, m, t, day, nn):
    rng = cx.rng
    opt = rng.choice(t["pay"])
    kind, pay = make_pay(rng, opt, m["wage_class"])
    quick = kind in ("day", "piece") and rng.random() < 0.27
    if quick:
        exp_off = rng.choice([0, 1, 1])
    elif kind == "day":
        exp_off = rng.choice([0, 1, 1, 2, 2, 3, 3, 4])
    elif kind == "part_time":
        exp_off = rng.randint(3, 7)
    elif kind == "piece":
        exp_off = rng.randint(2, 6)
    else:
        exp_off = rng.randint(7, 21)
    expires = day + dt.timedelta(days=exp_off)
    start_off = 0 if quick else rng.randint(0, min(2, exp_off))
    start_day = day + dt.timedelta(days=start_off)
    t0, t1 = t["time"]
    employer, contact = employer_and_contact(cx, m, t)
    p = {"id": f"{m['id']}-{day:%Y%m%d}-{nn:02d}", "title": t["title"], "category": t["cat"],
         "employer": Flow(employer), "pay": Flow(pay)}
    lo, hi = t["hc"]
    p["headcount"] = rng.randint(lo, hi)
    loc_addr = None
    if rng.random() < 0.15:
        loc_addr, p["location"] = posting_location(rng, m, t)
    p["start"] = f"{start_day}T{t0}"
    if kind != "full_time" and rng.random() < 0.8:
        end_day = start_day + dt.timedelta(days=1 if t1 < t0 else 0)
        p["end"] = f"{end_day}T{t1}"
    p["posted"] = Date(day.isoformat())
    p["expires"] = Date(expires.isoformat())
    if quick:
        p["quick_hire"] = True
    p["kind"] = kind
    p["contact"] = Flow(contact)
    p["requirements"] = t["req"]
    if t["welcomes"] and rng.random() < 0.65:
        k = rng.randint(1, len(t["welcomes"]))
        p["welcomes"] = FlowList(t["welcomes"][:k])
    last = min(expires, TODAY)
    on = day + dt.timedelta(days=rng.choice([0, 0, 0, 1])) if last > day else day
    on = min(on, last)
    p["verified"] = Flow(by=f"{m['name']}信息审核员", on=Date(on.isoformat()))
    p["body"] = make_body(rng, m, t, kind, pay, opt, loc_addr, quick)
    cond = conditions_of(p, t)
    if cond:
        items = list(p.items())
        i = [k for k, _ in items].index("verified")
        p = dict(items[:i] + [("conditions", Flow(cond))] + items[i:])
    return p


def conditions_of(p, t):
    """工作条件 as the body and requirements already say them (never contradicting them);
    about three postings in four give them. A generator of its own, seeded by the id, so
    the rest of the sample stays as it was."""
    if random.Random(p["id"]).random() >= 0.75:
        return None
    text = str(p["body"]) + p["requirements"]
    cond = {}
    if "不管饭" in text:
        cond["meals"] = False
    elif any(w in text for w in ("管早饭", "管午饭", "管晚饭", "管一餐", "管两餐", "管三餐", "管一顿饭", "提供午饭", "包吃住")):
        cond["meals"] = True
    if "包吃住" in text:
        cond["lodging"] = True
    if "接送" in text:
        cond["transport"] = True
    elif "可乘公交" in text:
        cond["transport"] = False
    if "劳保用品由用工方提供" in text or "劳保用品由矿方发放" in text:
        cond["safety_gear"] = True
    if not cond:
        return None
    t0, t1 = t["time"]
    cond["hours"] = f"{t0}–{t1}"
    return cond


XINCHENG_PLAN = {20: 4, 21: 4, 22: 5, 23: 5, 24: 6, 25: 6, 26: 8, 27: 24}
BUSY = {"big": (0.85, 2, 5), "mid": (0.6, 2, 3), "small": (0.4, 1, 3)}


def pick_templates(rng, m, eligible, n):
    """Weighted sample without replacement: local trades (mining, farming, herding, tourism,
    border ports) are likelier where the market has them; full-time-only templates are rarer."""
    local = m["ctx"] - {"city", "any"}

    def weight(t):
        w = 0.35 if all(o[0] == "month" for o in t["pay"]) else 1.0
        return w * (3.0 if t["ctx"] & local else 1.0)
    keyed = sorted(eligible, key=lambda t: -(rng.random() ** (1.0 / weight(t))))
    return keyed[:n]


def build_feeds(rng, markets_by_id):
    cx = Ctx(rng, markets_by_id)
    feeds = {}  # (market id, date) -> list of postings
    days = [FIRST_DAY + dt.timedelta(days=i) for i in range((TODAY - FIRST_DAY).days + 1)]
    for m in MARKETS:
        if m["status"] != "operating":
            continue
        eligible = [t for t in TEMPLATES if t["ctx"] & m["ctx"]]
        for day in days:
            if m["busy"] == "busiest":
                n = XINCHENG_PLAN[day.day]
            else:
                p, lo, hi = BUSY[m["busy"]]
                forced = day == TODAY and m["busy"] in ("big", "mid")
                n = rng.randint(lo, hi) if forced or rng.random() < p else 0
            if day == TODAY and not any(k[0] == m["id"] for k in feeds):
                n = max(n, 1)  # every operating market shows something this week
            elif n == 0:
                continue
            chosen = pick_templates(rng, m, eligible, n)
            feeds[(m["id"], day)] = [make_posting(cx, m, t, day, i) for i, t in enumerate(chosen, 1)]
    postprocess(rng, feeds, markets_by_id)
    return feeds


def is_live(p, today=TODAY):
    return dt.date.fromisoformat(p["posted"]) <= today <= dt.date.fromisoformat(p["expires"])


def postprocess(rng, feeds, markets_by_id):
    """Unverified, contact-less and reposted postings, chosen deterministically."""
    live = [p for (mid, day), ps in sorted(feeds.items()) for p in ps
            if is_live(p) and p["posted"] >= "2026-11-25"]
    xin = [p for p in live if p["id"].startswith("hohhot-xincheng-")]
    other = [p for p in live if not p["id"].startswith("hohhot-xincheng-")]
    # ~15 unverified: 3 at the busiest market, 12 spread over other markets
    unverified = rng.sample(xin, 3)
    seen = set()
    for p in rng.sample(other, len(other)):
        mk = p["id"].rsplit("-", 2)[0]
        if mk not in seen and len(unverified) < 15:
            seen.add(mk)
            unverified.append(p)
    for p in unverified:
        del p["verified"]
    rest = [p for p in other if "verified" in p]
    # 3 postings without contact (produce warnings)
    for p in rng.sample(rest, 3):
        del p["contact"]
    # 3 reposts from a county bureau's official account
    rural = [p for p in rest if "contact" in p and markets_by_id[p["id"].rsplit("-", 2)[0]]["busy"] == "small"]
    for p in rng.sample(rural, 3):
        m = markets_by_id[p["id"].rsplit("-", 2)[0]]
        src = f"{m['county_name']}人社局公众号转发（示例）"
        items = list(p.items())
        i = [k for k, _ in items].index("body")
        p.clear()
        p.update(items[:i] + [("source", src)] + items[i:])


def feed_doc(mid, postings):
    return {"market": mid, "postings": postings}


# --------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------

PAGES = {}

PAGES["no-fees"] = ("求职不收费、不交押金", "在零工市场找活和招人都是免费的，任何人以任何名义向求职者要钱都不对。", 1, """\
## 在零工市场找活，不用交任何钱

零工市场是政府办的公益服务场所。求职登记、看岗位、现场对接、职业指导、技能培训报名、劳动维权和法律咨询，全部免费。

用工单位和个人雇主通过市场招人，也不向市场交钱。

## 这些要钱的说法都不对

不管对方是老板、中介还是自称“工作人员”，只要让您先交钱才能上岗，都不要交。常见的说法有：

- 押金、保证金、“占岗费”
- 报名费、介绍费、中介费、手续费
- 服装费、工具费、伙食预交款
- 体检费、办证费、“培训费”（必须上岗前交钱的）
- 要求把身份证、驾驶证、银行卡交给对方保管

正规的用工方需要的劳保用品、工具和岗前安全培训，应当由用工方提供，不能转嫁给您。

## 法律是怎么规定的

- 《中华人民共和国劳动合同法》第九条：用人单位招用劳动者，不得扣押劳动者的居民身份证和其他证件，不得要求劳动者提供担保或者以其他名义向劳动者收取财物。
- 《劳动合同法》第八十四条：用人单位以担保或者其他名义向劳动者收取财物的，由劳动行政部门责令限期退还劳动者本人，并处以罚款。
- 《中华人民共和国就业促进法》第三十五条：公共就业服务机构为劳动者免费提供就业政策法规咨询、职业供求信息发布、职业指导和职业介绍等服务。
- 《就业促进法》第四十一条：职业中介机构不得提供虚假就业信息，不得扣押劳动者的居民身份证和其他证件，不得向劳动者收取押金。

## 如果有人向您要钱，怎么办

1. **先不要交钱**，也不要把证件交给对方。
2. **留下证据**：对方的名字、电话、聊天记录、岗位信息的照片，如果已经交了钱，保留转账记录或收条。
3. **告诉市场服务台**：在岗位单上找到发布这条信息的零工市场，当面或打电话告诉工作人员。市场会核查并下架虚假信息。
4. **打电话投诉**：
   - 人力资源社会保障服务热线 **12333**
   - 政务服务便民热线 **12345**
   - 当地劳动保障监察机构（电话见每个市场页面的“投诉”一栏）
5. **钱已经被骗走的**，请及时拨打 **110** 报警。

## 看到可疑岗位，也请告诉我们

每条岗位页面下方都有“举报这条信息”的说明。工资高得不正常、不说清楚干什么活、要求先交钱或先买东西的，都请告诉市场工作人员。
""")

PAGES["rights"] = ("劳动者权益保障", "打零工也受法律保护：工资、安全、受伤后的赔偿，以及遇到问题去哪里说理。", 2, """\
## 干活之前，先把话说清楚

打零工最容易出问题的是“口头说好、事后不认”。上岗前请和用工方说清楚下面几件事，最好写下来：

- 干什么活，在哪里干，干几天、每天几点到几点
- 工钱多少，按天、按小时还是按件算，什么时候给
- 管不管饭，怎么接送
- 劳保用品、工具由谁提供

### 劳务协议范本

零工市场服务台备有统一的零工劳务协议范本，工作人员可以免费帮您填写。一份简单的协议应当写明：

1. 双方的姓名（名称）和联系电话
2. 工作内容、地点和时间
3. 报酬标准、计算方式和支付时间
4. 安全防护措施和劳保用品
5. 发生争议时怎么解决

协议一式两份，双方各留一份，请保存好。

## 工资

- 工资应当按约定**足额、按时**支付，不得无故拖欠、克扣。
- 全日制和非全日制用工的工资都**不得低于当地最低工资标准**。内蒙古自治区现行标准（2024 年 12 月 1 日起执行）：

| 地区类别 | 月最低工资 | 小时最低工资 |
|---|---|---|
| 一类地区 | 2270 元 | 22.4 元 |
| 二类地区 | 2200 元 | 21.7 元 |
| 三类地区 | 2140 元 | 21.1 元 |

您所在旗县属于哪一类，可以在每个旗县的页面上查看，也可以问市场工作人员。

- 被拖欠工资时，可以向**用工所在地的劳动保障监察机构**投诉举报，也可以拨打 **12333** 咨询。

## 安全和受伤

- 用工方应当提供必要的安全防护，告诉您作业中的危险。登高、进冷库、入矿区等岗位，上岗前应当有安全培训。
- 干活时受了伤，**先就医**，并保留病历、票据，记下当时在场的人。
- 和用人单位是劳动关系的，可以申请**工伤认定**：用人单位应当在 30 日内提出申请；用人单位没有申请的，本人或近亲属可以在 1 年内向人力资源社会保障部门提出。
- 临时帮工、个人雇佣等劳务关系中受伤的，可以依照《中华人民共和国民法典》第一千一百九十二条，要求接受劳务的一方按照各自的过错承担相应的责任。
- 拿不准属于哪种情况，可以到市场的法律咨询窗口问，或者拨打 **12348**。

## 遇到问题去哪里

| 问题 | 找谁 |
|---|---|
| 政策咨询、工资标准、社保 | 人力资源社会保障服务热线 **12333** |
| 拖欠工资、收押金、扣证件 | 劳动保障监察机构（各市场页面有电话） |
| 和用工方有争议，调解不成 | 劳动人事争议仲裁委员会（劳动争议仲裁不收取任何费用） |
| 对市场服务不满意 | 市场投诉电话，或政务服务便民热线 **12345** |
| 需要律师帮助 | 法律援助，见[法律援助](../legal-aid/)页面 |
""")

PAGES["legal-aid"] = ("法律援助", "讨薪、工伤等问题请不起律师时，可以申请免费的法律援助。", 3, """\
## 什么是法律援助

法律援助是国家为经济困难的群众和特定案件当事人**免费**提供的法律咨询、代拟法律文书、代理诉讼和仲裁等服务。律师和法律援助工作者不向您收取任何报酬。

## 零工最常遇到的几类事

- 干完活拿不到工钱，要追讨劳动报酬
- 干活时受伤，要求赔偿
- 要确认和用工方之间是不是劳动关系
- 被要求交押金、被扣了证件

《中华人民共和国法律援助法》规定，进城务工人员申请支付劳动报酬或者工伤事故人身损害赔偿的法律援助，**免予核查经济困难状况**。

## 怎么申请

1. **先打电话问**：公共法律服务热线 **12348**，有专业人员解答，也会告诉您到哪里申请。
2. **到市场的法律咨询窗口**：多数零工市场设有法律咨询窗口或定期律师坐班，具体时间见各市场页面的“法律援助咨询”电话。
3. **到当地法律援助中心**：一般设在旗县（市、区）司法局或公共法律服务中心。

## 申请时带上这些材料

- 本人身份证件（只需出示，不要交给任何个人保管）
- 能证明干过活的材料：劳务协议、考勤记录、工友证言、聊天记录、转账记录、工作照片
- 受伤的，带上病历和医疗票据
- 已经去过劳动保障监察或仲裁的，带上相关文书

材料不全也可以先去咨询，工作人员会告诉您怎样补齐。

## 提醒

- 追讨工钱和申请仲裁都有时间限制，劳动争议的仲裁时效一般为一年，发生问题请尽早咨询。
- 法律援助免费。凡是声称“交钱包赢”“先交代理费”的，都不是法律援助，请拨打 **12348** 或 **12345** 核实。
""")

PAGES["employers"] = ("用工单位如何发布岗位", "在零工市场免费发布岗位的办法、审核要求、最低工资标准和禁止事项。", 4, """\
## 发布岗位是免费的

企业、个体户、农牧户和个人雇主都可以通过零工市场免费发布用工信息，也可以在市场现场和零工面对面洽谈。

## 怎么发布

1. **到市场服务台登记**，或拨打市场服务电话登记（各市场页面有电话）。
2. 提供以下信息：
   - 用工单位名称（个人雇主提供姓名）和联系人、联系电话
   - 工作内容、工作地点、开始和结束时间
   - 招用人数
   - 报酬标准和计算方式（按天、按小时、按件或按月），结算时间
   - 是否管饭、是否接送、劳保用品如何提供
   - 必要的技能或证书要求（如电工证、驾驶证、健康证明）
3. 工作人员进行**信息真实性审核**：核实单位或雇主身份和岗位情况。审核通过后，岗位在网站、市场电子屏和纸质岗位单上同时发布。用工方的证照信息只用于审核，不对外公开。
4. 当天急需用人的，可以申请**即时快招**：现场发布、现场对接、当天到岗，岗位在市场里优先展示。

## 工资不得低于最低工资标准

内蒙古自治区现行最低工资标准，自 **2024 年 12 月 1 日**起执行：

| 地区类别 | 月最低工资 | 小时最低工资 |
|---|---|---|
| 一类地区 | 2270 元 | 22.4 元 |
| 二类地区 | 2200 元 | 21.7 元 |
| 三类地区 | 2140 元 | 21.1 元 |

- 按小时或按月计酬的，不得低于所在旗县类别的标准。
- 按天计酬的，日工资应当与实际工作时间相符，折算后不得低于小时最低工资标准。
- 按件计酬的，必须写明计件单位和单价（例如“每箱 1.2 元”“按每亩计”），并保证正常工作时间内的收入不低于最低工资标准。

## 以下信息不予发布

- 以任何名义向求职者收取财物：押金、保证金、报名费、服装费、体检费、培训费、中介费等
- 要求求职者交出或抵押身份证件、银行卡
- 含有性别、民族、户籍、婚育状况等歧视性条件，或与岗位无关的年龄限制
- 夸大、虚假的宣传，如“高薪”“保录”“日赚千元”等说法
- 工资低于最低工资标准，或者不写明报酬的
- 违反法律法规的岗位，或存在明显安全隐患而没有防护措施的

发现已发布的岗位存在上述问题，市场会立即下架，情节严重的移交劳动保障监察机构处理。

## 用工过程中

- 与零工签订劳务协议（市场提供范本），按约定足额、按时支付报酬。
- 提供必要的劳保用品和安全交底；登高、冷库、矿区等岗位须进行岗前安全培训。
- 优先招用就业困难、大龄、残疾等困难零工的，可以在发布时注明，市场会优先推荐。
""")

PAGES["about"] = ("关于零工市场", "内蒙古加强线下零工市场建设的目标、市场的五项功能，以及本站提供的信息。", 5, """\
## 为什么建零工市场

零工市场是为灵活就业人员和用工方免费对接的公共服务场所。2023 年，自治区人民政府把“每个旗县（市、区）至少建设 1 处零工市场，促进灵活人员就业”列为为民办实事之一。自治区人力资源和社会保障厅印发《加强线下零工市场建设的实施方案》（内人社办发〔2023〕67 号），提出：

- **2023 年 10 月前**，每个旗县（市、区）至少建成 1 处基础设施完善、服务保障到位、规范运行的零工市场；
- 对零工自发聚集的路边地点，通过改造闲置建筑、搭建服务设施，引导进场对接，实现“退路进院”；
- 有条件的地方把服务延伸到街道（苏木乡镇）和社区（嘎查村）。

## 零工市场的五项功能

每个零工市场逐步建成集以下功能于一体的服务平台：

1. **等候用工**：遮风避雨、冬季取暖的候工区，配备座椅、饮水、手机充电等设施
2. **求职信息发布**：岗位信息经过真实性审核，通过电子屏、岗位栏和网站免费发布
3. **技能培训**：推介易学易用的培训项目，符合条件的按规定享受培训补贴
4. **劳动维权**：公开投诉举报方式，协助处理欠薪等问题
5. **法律咨询**：提供法律咨询和法律援助指引

此外还有**即时快招**（快速发布、现场洽谈、即时确认、当日到岗）、一对一职业指导，以及对待工时间长、家庭收入低、残疾、大龄等困难零工的优先推荐和帮扶。

## 公开透明

每个市场都公布开放时间、服务电话和投诉举报电话。各地建立零工市场**动态管理名录**，掌握每个市场的建设和运行情况；各盟市在每月 **15 日和 28 日**上报零工市场建设进展（调度表）。本站的“市场地图”和“建设情况”页面就是名录和调度表的网上版本。

## 本站能查到什么

- **今日岗位**：各市场当天有效、已审核的岗位，即时快招排在最前面
- **市场地图**：全区零工市场的位置、开放时间、服务和设施
- **建设情况**：按盟市、旗县统计的市场建设状态，以及还没有运营中市场的旗县
- **打印岗位单**：市场工作人员每天早上打印张贴的 A4 岗位单
- **政策和帮助**：求职不收费、劳动者权益、法律援助、用工单位须知

> 本站是 gigboard 软件的示例站点。市场名称、地址、岗位和电话均为虚构；12333、12345、12348 为真实的全国服务热线。
""")


def page_text(title, desc, weight, body):
    fm = to_yaml({"title": title, "description": desc, "weight": weight})
    return f"---\n{fm}---\n\n{body}"


SOURCES_MD = """\
# Sources and licences of the sample data

The sample site in `content/` describes Inner Mongolia (内蒙古自治区). Its markets,
postings, companies, people, addresses and telephone numbers are **fictional**;
only the national hotlines 12333, 12345 and 12348 are real. The geography and the
minimum-wage figures are real and come from the sources below.

## Division codes and names (`regions.yaml`)

* GB/T 2260 codes and Chinese names of the 12 leagues/cities and 103 county-level
  divisions: [`yescallop/areacodes`](https://github.com/yescallop/areacodes),
  `data/2024.txt` (Ministry of Civil Affairs list, status at 2024-12-31).
  Licence: **CC0 1.0**. Cross-checked, code for code, against
  `modood/Administrative-divisions-of-China` (WTFPL) and
  `xiangyuecn/AreaCity-JsSpider-StatsGov` (MIT); all three agree.

## Coordinates (`regions.yaml`; market points are placed near them)

WGS84 representative points (county seat or urban centre), 4 decimals. The fictional
markets and work places are placed within about 2 km of them, with 5 decimals (about a
metre, as map apps give a point):

* 107 points: **Wikidata** P625 (coordinate location), matched on P442 (division
  code). Licence: **CC0**. Two leagues without a point use their seat county
  (兴安盟 → 乌兰浩特市, 阿拉善盟 → 阿拉善左旗).
* 4 points (乌达区, 石拐区, 根河市, 兴和县): infobox coordinates of Wikipedia
  articles (coordinates are facts; no article text was copied).
* 1 point (阿巴嘎旗): WMO synoptic station 53192 "Abag Qi" at the banner seat.
* 1 point (青山区, 包头市): converted from a GCJ-02 geocoder list of unclear
  provenance; approximate, to be replaced when an openly licensed point is available.

## Minimum-wage classes (`wage_class`, `site.yaml` `minimum_wage`)

内蒙古自治区人民政府办公厅《关于调整自治区最低工资标准的通知》(2024-11-13, effective
2024-12-01): class 1 / 2 / 3 = 2,270 / 2,200 / 2,140 yuan a month and 22.4 / 21.7 /
21.1 yuan an hour; 32 / 30 / 41 county-level divisions.

## Region outline (`tests/fixtures/inner-mongolia-outline.geojson`, tests only)

**Natural Earth** 1:50m Cultural, Admin 1 – States, Provinces, feature CN-NM
(`adm1_code` CHN-1838). **Public domain** ("No permission is needed to use Natural
Earth"). Vertices rounded to 3 decimals, exterior ring counter-clockwise (RFC 7946).
The boundary is generalized and follows Natural Earth's conventions; do not use it for
precise geometry. It includes the national border, so a public map that draws it needs
a 审图号 (地图管理条例 第十五条): the sample's map draws no outline and no boundary; the
tests use the outline to check a map that has one.

## Policy

The product follows 内蒙古自治区人力资源和社会保障厅《加强线下零工市场建设的实施方案》
(内人社办发〔2023〕67号, 2023-04-10), summarised in `pages/about.md`.

## How the sample is made

`scripts/make_sample.py` (Python 3, standard library only) generates every file in
`content/` except the outline, deterministically, from
`scripts/data/inner-mongolia-divisions.csv`. Run `python3 scripts/make_sample.py --check`
to verify the sample.
"""


# --------------------------------------------------------------------------
# Generate
# --------------------------------------------------------------------------


def generate():
    """Return ({relative path: text}, model) for everything the script writes."""
    rng = random.Random(SEED)
    leagues, counties = load_divisions()
    files, model = {}, {"leagues": leagues, "counties": counties}
    files["site.yaml"] = to_yaml(site_doc(), SITE_HEADER)
    files["regions.yaml"] = to_yaml(regions_doc(leagues, counties), [
        "Leagues (盟/市) and county-level divisions (旗/县/区/县级市) of Inner Mongolia.",
        "GB/T 2260 codes and names: yescallop/areacodes (CC0); points: Wikidata (CC0) and others;",
        "wage_class: 2024-12-01 minimum-wage notice. See SOURCES.md. Generated by scripts/make_sample.py.",
    ])
    mdocs = build_markets(rng, leagues, counties)
    by_id = {m["id"]: m for m in MARKETS}
    for mid, d in mdocs.items():
        files[f"markets/{mid}.yaml"] = to_yaml(d)
    feeds = build_feeds(rng, by_id)
    for (mid, day), ps in sorted(feeds.items()):
        files[f"jobs/{mid}/{day.isoformat()}.yaml"] = to_yaml(feed_doc(mid, ps))
    for slug, (title, desc, weight, body) in PAGES.items():
        files[f"pages/{slug}.md"] = page_text(title, desc, weight, body)
    files["SOURCES.md"] = SOURCES_MD
    model.update(markets=mdocs, market_meta=by_id, feeds=feeds, site=site_doc())
    return files, model


MANAGED_DIRS = ["markets", "jobs", "pages"]


def write_all(files):
    for d in MANAGED_DIRS:
        p = os.path.join(CONTENT, d)
        if os.path.isdir(p):
            shutil.rmtree(p)
    for rel, text in sorted(files.items()):
        write(os.path.join(CONTENT, rel), text)


def refresh_from_shared():
    if not os.path.isdir(SHARED):
        sys.exit(f"--refresh: {SHARED} not found")
    os.makedirs(os.path.dirname(DATA_CSV), exist_ok=True)
    os.makedirs(os.path.dirname(OUTLINE), exist_ok=True)
    shutil.copyfile(os.path.join(SHARED, "inner-mongolia-divisions.csv"), DATA_CSV)
    shutil.copyfile(os.path.join(SHARED, "inner-mongolia-outline.geojson"), OUTLINE)
    print(f"copied reference data from {SHARED}")


# --------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------

FEE_WORDS = ["押金", "保证金", "报名费", "服装费", "体检费", "中介费", "培训费", "介绍费", "手续费", "工本费",
             "管理费", "资料费", "收费", "缴费", "交费", "交钱", "预交"]
DISCRIMINATION = ["限男", "限女", "男性", "女性", "户口", "户籍", "民族", "本地人", "周岁", "岁以下", "年龄"]
HYPE = ["高薪", "保录", "日赚", "月入过万", "躺赚", "轻松赚"]
PHONE_RE = re.compile(r"^(0\d{2,3}-0000-\d{4}|138-0000-\d{4}|12333|12345)$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def plain(x):
    """The in-memory model as PyYAML (YAML 1.1) would read it back."""
    if isinstance(x, Date):
        return dt.date.fromisoformat(x)
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    if isinstance(x, str):
        return str(x)
    return x


def check(files, model):
    errors, stats = [], {}

    def err(msg):
        errors.append(msg)

    # files on disk are exactly what the generator produces
    for rel, text in files.items():
        path = os.path.join(CONTENT, rel)
        if not os.path.exists(path):
            err(f"{rel}: missing")
        elif open(path, encoding="utf-8").read() != text:
            err(f"{rel}: differs from generator output (re-run scripts/make_sample.py)")
    for d in MANAGED_DIRS:
        for dirpath, _, names in os.walk(os.path.join(CONTENT, d)):
            for n in names:
                rel = os.path.relpath(os.path.join(dirpath, n), CONTENT).replace(os.sep, "/")
                if rel not in files:
                    err(f"{rel}: stale file not produced by the generator")
    if not os.path.exists(OUTLINE):
        err("tests/fixtures/inner-mongolia-outline.geojson missing")
    else:
        json.load(open(OUTLINE, encoding="utf-8"))

    counties, leagues = model["counties"], model["leagues"]
    stats["leagues"] = len(leagues)
    stats["counties"] = len(counties)
    if len(leagues) != 12 or len(counties) != 103:
        err("regions: expected 12 leagues and 103 counties")
    site = model["site"]
    cats = set(site["categories"])

    # markets
    mdocs, meta = model["markets"], model["market_meta"]
    stats["markets"] = len(mdocs)
    stats["markets_by_status"] = {}
    covered = set()
    for mid, d in mdocs.items():
        if not ID_RE.match(mid):
            err(f"market id {mid}: not a lowercase slug")
        if d["county"] not in counties:
            err(f"{mid}: unknown county {d['county']}")
        covered.add(counties[d["county"]]["parent"])
        st = d["status"]
        stats["markets_by_status"][st] = stats["markets_by_status"].get(st, 0) + 1
        if st in ("planned", "building") and "opened" in d:
            err(f"{mid}: opened on a {st} market")
        for h in d["hotlines"]:
            if not PHONE_RE.match(h["number"]):
                err(f"{mid}: odd phone {h['number']}")
        c = counties[d["county"]]
        if abs(d["location"]["lat"] - c["lat"]) > 0.021 or abs(d["location"]["lon"] - c["lon"]) > 0.021:
            err(f"{mid}: location too far from county point")
    stats["leagues_with_markets"] = len(covered)
    if len(mdocs) < 40 or len(covered) != 12:
        err("markets: need >= 40 markets covering all 12 leagues")
    op = [m for m, d in mdocs.items() if d["status"] == "operating"]
    seed5 = {"waiting", "postings", "training", "rights", "legal"}
    stats["operating_missing_seed_function"] = sorted(m for m in op if not seed5 <= set(mdocs[m]["services"]))
    stats["two_span_markets"] = sum(
        1 for d in mdocs.values() if len({(h["open"], h["close"]) for h in d.get("hours", [])}) >= 2
        and any(h["open"] > "12:00" for h in d.get("hours", [])))
    per_county = {}
    for d in mdocs.values():
        per_county[d["county"]] = per_county.get(d["county"], 0) + 1
    stats["counties_with_2_markets"] = sorted(k for k, v in per_county.items() if v > 1)

    # postings
    ids, all_p = set(), []
    units, kinds = {}, {}
    for (mid, day), ps in model["feeds"].items():
        if mdocs[mid]["status"] != "operating":
            err(f"feed {mid}/{day}: market not operating")
        titles = [p["title"] for p in ps]
        if len(set(titles)) != len(titles):
            err(f"feed {mid}/{day}: duplicate titles")
        wc = counties[mdocs[mid]["county"]]["wage_class"]
        hfloor, mfloor = WAGE[wc]
        for p in ps:
            pid = p["id"]
            all_p.append((mid, p))
            if pid in ids:
                err(f"{pid}: duplicate id")
            ids.add(pid)
            if not pid.startswith(f"{mid}-{day:%Y%m%d}-"):
                err(f"{pid}: id does not match feed")
            if p["category"] not in cats:
                err(f"{pid}: unknown category")
            pay = p["pay"]
            vals = [v for k, v in pay.items() if k in ("amount", "min", "max")]
            if any(v <= 0 for v in vals) or ("min" in pay and pay["min"] > pay["max"]):
                err(f"{pid}: bad pay")
            low = pay.get("amount", pay.get("min"))
            u = pay["unit"]
            units[u] = units.get(u, 0) + 1
            kinds[p["kind"]] = kinds.get(p["kind"], 0) + 1
            if u == "hour" and low < hfloor:
                err(f"{pid}: hourly pay {low} below floor {hfloor}")
            if u == "month" and low < mfloor:
                err(f"{pid}: monthly pay {low} below floor {mfloor}")
            if u == "day" and low < 4 * hfloor:
                err(f"{pid}: daily pay {low} below 4 x hourly floor")
            if u == "piece" and not re.search(r"[每按][^，。]{0,4}(件|箱|斤|吨|袋|捆|只|台|扇|单|场|间|公斤|平方米|亩)",
                                              p["body"] + p["requirements"]):
                err(f"{pid}: piece rate without its unit in words")
            posted = dt.date.fromisoformat(p["posted"])
            expires = dt.date.fromisoformat(p["expires"])
            if posted != day:
                err(f"{pid}: posted != feed date")
            if expires < posted:
                err(f"{pid}: expires before posted")
            sd = dt.date.fromisoformat(p["start"][:10])
            if not posted <= sd <= expires:
                err(f"{pid}: start outside posted..expires")
            if "end" in p and p["end"] < p["start"]:
                err(f"{pid}: end before start")
            if "verified" in p:
                on = dt.date.fromisoformat(p["verified"]["on"])
                if not posted <= on <= min(expires, TODAY):
                    err(f"{pid}: verified.on out of range")
            if "contact" in p and not PHONE_RE.match(p["contact"]["phone"]):
                err(f"{pid}: odd phone")
            if not p["employer"]["name"].endswith("（示例）"):
                err(f"{pid}: employer name not marked as example")
            text = " ".join(str(v) for v in [p["title"], p["requirements"], p["body"], p["employer"]["name"]])
            for w in FEE_WORDS + DISCRIMINATION + HYPE:
                if w in text:
                    err(f"{pid}: forbidden wording {w!r}")
    # no ID-card-like or bank-card-like digit runs anywhere
    for rel, text in files.items():
        if re.search(r"\d{15,}", text):
            err(f"{rel}: long digit run (ID/bank card?)")
        for num_ in re.findall(r"(?<![\d.-])1\d{10}(?!\d)", text):
            err(f"{rel}: real-looking mobile number {num_}")

    live = [(m, p) for m, p in all_p if is_live(p)]
    live_ok = [(m, p) for m, p in live if "verified" in p]
    per_market = {}
    for m, _ in live_ok:
        per_market[m] = per_market.get(m, 0) + 1
    busiest = max(per_market, key=lambda k: (per_market[k], k))
    expired = [p for _, p in all_p if p["posted"] <= "2026-11-23" and p["expires"] < TODAY.isoformat()]
    stats.update(
        postings=len(all_p), feeds=len(model["feeds"]), units=units, kinds=kinds,
        live_today=len(live), live_verified_today=len(live_ok),
        unverified_live=len(live) - len(live_ok),
        unverified_total=sum(1 for _, p in all_p if "verified" not in p),
        expired_by_today=len(expired),
        busiest=busiest, busiest_live=per_market[busiest],
        quick_hire=sum(1 for _, p in all_p if p.get("quick_hire")),
        welcomes=sum(1 for _, p in all_p if "welcomes" in p),
        no_contact=sum(1 for _, p in all_p if "contact" not in p),
        reposts=sum(1 for _, p in all_p if "source" in p),
        public_employer=sum(1 for _, p in all_p if p["employer"]["kind"] == "public"),
        with_location=sum(1 for _, p in all_p if "location" in p),
    )
    if len(all_p) < 450:
        err("fewer than 450 postings")
    if len(expired) < 30:
        err("fewer than 30 expired postings")
    if stats["unverified_live"] < 10:
        err("fewer than 10 unverified live postings")
    if stats["busiest_live"] < 35:
        err("busiest market has fewer than 35 live postings today")
    if set(units) != {"hour", "day", "piece", "month"}:
        err(f"not every pay unit used: {units}")
    if stats["reposts"] < 2 or stats["public_employer"] < 2:
        err("need reposts and public-welfare postings")

    # YAML round trip
    try:
        import yaml
    except ImportError:
        stats["yaml_parse"] = "skipped (PyYAML not installed)"
    else:
        # PyYAML speaks YAML 1.1, where `on`/`off`/`yes`/`no` are booleans; gigboard reads YAML 1.2,
        # where only true/false are. Use a loader with the 1.2 rule so `verified: {on: ...}` stays a key.
        class Loader(yaml.SafeLoader):
            pass
        Loader.yaml_implicit_resolvers = {
            ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:bool"]
            for ch, rs in yaml.SafeLoader.yaml_implicit_resolvers.items()}
        Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
        expect = {"site.yaml": model["site"]}
        for mid, d in mdocs.items():
            expect[f"markets/{mid}.yaml"] = d
        for (mid, day), ps in model["feeds"].items():
            expect[f"jobs/{mid}/{day.isoformat()}.yaml"] = feed_doc(mid, ps)
        n = 0
        for rel, text in files.items():
            if rel.endswith(".yaml"):
                got = yaml.load(open(os.path.join(CONTENT, rel), encoding="utf-8"), Loader=Loader)
                n += 1
                if rel in expect and got != plain(expect[rel]):
                    err(f"{rel}: parses to different data than intended")
            elif rel.endswith(".md") and rel.startswith("pages/"):
                t = open(os.path.join(CONTENT, rel), encoding="utf-8").read()
                fm = t.split("---\n")[1]
                got = yaml.load(fm, Loader=Loader)
                n += 1
                if set(got) != {"title", "description", "weight"}:
                    err(f"{rel}: bad front matter")
        reg = yaml.load(open(os.path.join(CONTENT, "regions.yaml"), encoding="utf-8"), Loader=Loader)
        codes = [c["code"] for lg in reg["leagues"] for c in lg["counties"]]
        if len(codes) != 103 or not all(isinstance(c, str) for c in codes):
            err("regions.yaml: county codes not 103 strings")
        stats["yaml_parse"] = f"{n} files parsed with PyYAML {yaml.__version__}"
    return errors, stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="only verify content/, write nothing")
    ap.add_argument("--refresh", action="store_true", help="copy reference data from ../shared/data first")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()
    if a.refresh:
        refresh_from_shared()
    files, model = generate()
    if not a.check:
        write_all(files)
        if not a.quiet:
            print(f"wrote {len(files)} files under {CONTENT}")
    errors, stats = check(files, model)
    if not a.quiet or errors:
        for k, v in stats.items():
            print(f"  {k}: {v}")
    for e in errors:
        print("ERROR", e, file=sys.stderr)
    if errors:
        sys.exit(1)
    print("check: ok")


if __name__ == "__main__":
    main()
