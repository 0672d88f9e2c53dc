//! Markets, postings, job fairs and training courses: each record's own rules.

entries! {
    MARKET_ID_TAKEN = "market.id-taken",
        "市场编号 `{id}` 已经被 {file} 用了",
        "the market id `{id}` is already used by {file}";
    COUNTY_UNKNOWN = "market.county-unknown",
        "regions.yaml 里没有旗县区 `{county}`",
        "county `{county}` is not in regions.yaml";
    MARKET_LAT_LON = "market.lat-lon",
        "纬度（lat）要在 ±90 以内，经度（lon）要在 ±180 以内（WGS84 度数）",
        "latitude must be within ±90 and longitude within ±180 (WGS84 degrees)";
    GRADE = "market.grade",
        "等级 {grade} 不对：请写 1 到 5",
        "grade {grade} is not a grade: use 1 to 5";
    FIVE_FUNCTIONS = "market.five-functions",
        "运营中的市场应提供方案里的五项功能，还缺：{missing}",
        "an operating market should offer the plan's five functions; missing: {missing}";
    FACILITIES = "market.facilities",
        "还缺基本设施：{missing}",
        "basic facilities missing: {missing}";
    NO_HOURS = "market.no-hours",
        "运营中的市场必须公开开放时间（hours）",
        "an operating market must publish its opening hours";
    RAW_HTML_DESCRIPTION = "market.raw-html",
        "介绍里的 HTML 代码被删掉或改掉了（只发布 markdown 写的内容）",
        "raw HTML in the description was removed or changed (only markdown is published)";
    CLOSES_BEFORE_OPENS = "market.closes-before-opens",
        "结束时间 {close} 早于开始时间 {open}",
        "closes at {close} before it opens at {open}";
    HOURS_OVERLAP = "market.hours-overlap",
        "和第 {other} 条时间（{open}–{close}）在同一天重叠",
        "overlaps hours rule {other} ({open}–{close}) on a shared day";
    CLOSED_WITH_HOURS = "market.closed-with-hours",
        "休息的日子没有开放时间：删掉 open/close，或者删掉 closed: true",
        "a closed day has no opening hours: remove open/close or `closed: true`";
    CLOSURE_HALF = "market.closure-half",
        "调整的日子要么写 closed: true，要么把 open 和 close 都写上",
        "write either `closed: true` or both `open` and `close` for the changed hours";
    DATE_TWICE = "market.date-twice",
        "{date} 写了两次",
        "{date} is listed twice";
    MARKET_MISSING = "posting.market-missing",
        "市场 `{name}` 不存在{hint}",
        "market `{name}` does not exist{hint}";
    MARKET_NAME_HINT = "posting.market-name-hint",
        "：“{name}”是市场 `{id}` 的名称，这里要写它的编号：market: {id}",
        ": “{name}” is the name of the market `{id}`; write its id here: `market: {id}`";
    CATEGORY_MISSING = "posting.category-missing",
        "site.yaml 里没有工种 `{name}`{hint}",
        "category `{name}` is not in site.yaml{hint}";
    CATEGORY_NAME_HINT = "posting.category-name-hint",
        "：“{name}”是工种 `{slug}` 的名称，这里要写它的代号：category: {slug}",
        ": “{name}” is the name of the category `{slug}`; write its slug here: `category: {slug}`";
    DID_YOU_MEAN = "posting.did-you-mean",
        "：是不是想写 `{value}`？",
        " — did you mean `{value}`?";
    NOT_VERIFIED = "posting.not-verified",
        "还没有审核（没有 verified: {by, on}）：有人核实之前不发布",
        "not verified (no `verified: {by, on}`): not published until someone checks it is true";
    VERIFIED_AFTER_EXPIRY = "posting.verified-after-expiry",
        "审核日期 {on} 在截止日期 {expires} 之后：不发布",
        "verified on {on}, after it expired on {expires}: not published";
    NO_MARKET = "posting.no-market",
        "没有写市场：在文件开头或这条岗位上写 market: 市场编号",
        "no market: write `market: <id>` at the top of the feed or on the posting";
    EXPIRES_BEFORE_POSTED = "posting.expires-before-posted",
        "截止日期 {expires} 早于发布日期 {posted}",
        "expires on {expires}, before it was posted on {posted}";
    ENDS_BEFORE_STARTS = "posting.ends-before-starts",
        "结束时间早于开始时间",
        "the work ends before it starts";
    VERIFIED_IN_FUTURE = "posting.verified-in-future",
        "审核日期 {on} 在今天（{today}）之后",
        "verified on {on}, which is after today ({today})";
    VERIFIED_BY_EMPTY = "posting.verified-by-empty",
        "请写上是谁审核的（verified 里的 by）",
        "say who verified the posting";
    HEADCOUNT = "posting.headcount",
        "招聘人数至少是 1",
        "headcount must be at least 1";
    TITLE_EMPTY = "posting.title-empty",
        "岗位名称是空的",
        "the title is empty";
    NO_CONTACT = "posting.no-contact",
        "没有联系人：工人没法打电话问（加上 contact: {name: 姓名, phone: 电话}）",
        "no contact: workers cannot call about this posting (add `contact: {name, phone}`)";
    RAW_HTML_BODY = "posting.raw-html",
        "详细说明里的 HTML 代码被删掉或改掉了（只发布 markdown 写的内容）",
        "raw HTML in the body was removed or changed (only markdown is published)";
    LIKELY_COPY = "posting.likely-copy",
        "很可能和 {file}:{line} 的 `{id}` 是同一条（用工单位、岗位名称、日期和电话都一样）：只发布一次",
        "likely a copy of `{id}` at {file}:{line} (same employer, title, day and phone); publish it once";
    ID_TAKEN_AT = "posting.id-taken",
        "编号 `{id}` 已经在 {file}:{line} 用过了",
        "the id `{id}` is already used at {file}:{line}";
    PAY_BOTH = "pay.both",
        "工资写成 amount: 180，或者写成范围 min: 160, max: 200，两种不要同时写",
        "write the pay as `amount: 180` or as a range `min: 160, max: 200`, not both";
    PAY_POSITIVE = "pay.positive",
        "工资要写大于 0 的金额（元）",
        "pay must be a positive amount in yuan";
    PAY_RANGE = "pay.range",
        "范围的最高（{max}）比最低（{min}）还低",
        "the top of the range ({max}) is below the bottom ({min})";
    BELOW_FLOOR = "pay.below-floor",
        "{min} 元低于{floor}（{effective} 起施行）",
        "{min} yuan is below {floor}, in force since {effective}";
    FLOOR_HOURLY = "pay.floor-hourly",
        "{county}的小时最低工资（{amount} 元，第 {class} 档）",
        "the hourly minimum wage of {county} ({amount} yuan, class {class})";
    FLOOR_MONTHLY = "pay.floor-monthly",
        "{county}的月最低工资（{amount} 元，第 {class} 档）",
        "the monthly minimum wage of {county} ({amount} yuan, class {class})";
    FLOOR_DAILY = "pay.floor-daily",
        "按{county}小时最低工资算 4 小时的工资（{amount} 元 = 4 × {hourly}）",
        "4 hours at the hourly minimum wage of {county} ({amount} yuan = 4 × {hourly})";
    PIECE_UNIT = "pay.piece-unit",
        "计件工资要用文字写明一件是什么，例如 每件 0.8 元 或 按亩计（写在详细说明或要求里）",
        "a piece rate must say in words what one piece is, e.g. 每件 0.8 元 or 按亩计 (in the body or requirements)";
    AGENCY_LICENCE = "employer.agency-licence",
        "中介机构（kind: agency）必须公示许可证：加上 licence: 人力资源服务许可证编号（网络招聘服务管理规定 第十五条）",
        "an agency (kind: agency) must show its licence: add `licence:` with the number of its 人力资源服务许可证 (网络招聘服务管理规定 第十五条)";
    REPOST_SOURCE = "posting.repost-source",
        "转载的岗位要写明来源（source）",
        "a repost must name where it came from";
    CREDIT_LENGTH = "employer.credit-length",
        "统一社会信用代码有 18 位，这里是 {len} 位",
        "a unified social credit code (统一社会信用代码) has 18 characters; this has {len}";
    CREDIT_CHARACTER = "employer.credit-character",
        "信用代码第 {n} 位的 `{c}` 不能出现在代码里（只有数字和除 I、O、S、V、Z 以外的大写字母）{hint}",
        "character {n} of the credit code, `{c}`, cannot be in one (digits and capital letters but I, O, S, V, Z){hint}";
    CREDIT_HINT_DIGIT = "employer.credit-hint-digit",
        "：不会是 {c}，是不是 {digit}？",
        "; it is never {c}: is it {digit}?";
    CREDIT_HINT_CAPITALS = "employer.credit-hint-capitals",
        "：字母要大写",
        "; write the letters as capitals";
    CREDIT_CHECK = "employer.credit-check",
        "信用代码的校验位（第 18 位 `{given}`）和前 17 位对不上，前 17 位算出来应是 `{expected}`：有一位抄错了，请照营业执照重新抄写",
        "the credit code's check character (the 18th, `{given}`) does not match the first 17, which call for `{expected}`: one of them is mistyped; copy the code from the business licence";
    RECORD_ID_TAKEN = "record.id-taken",
        "{what}编号 `{id}` 已经被 {file} 用了",
        "the {what} id `{id}` is already used by {file}";
    WHAT_EVENT = "record.event",
        "招聘活动",
        "event";
    WHAT_TRAINING = "record.training",
        "培训班",
        "training programme";
    NO_CONTACT_RECORD = "record.no-contact",
        "没有联系人：工人没法打电话问（加上 contact: {name: 姓名, phone: 电话}）",
        "no contact: workers cannot call to ask (add `contact: {name, phone}`)";
    EMPTY_FIELD = "record.empty-field",
        "`{field}` 是空的",
        "`{field}` is empty";
    EVENT_ADDRESS = "event.address",
        "写上工人要去的地址：location: {address: …, lat: …, lon: …}",
        "write the address workers go to: `location: {address: …, lat: …, lon: …}`";
    LAT_AND_LON = "event.lat-and-lon",
        "lat 和 lon 要么都写，要么都不写",
        "give both `lat` and `lon`, or neither";
    EVENT_WHERE = "event.where",
        "写明在哪里：market: 市场编号，或 location: {address: …}",
        "say where it is: `market: <id>` or `location: {address: …}`";
    FAIR_TIMES = "event.fair-times",
        "招聘会要写开始和结束时间（start 和 end，写成 \"YYYY-MM-DDTHH:MM\"）",
        "a fair needs both `start` and `end` (\"YYYY-MM-DDTHH:MM\")";
    EVENT_ENDS = "event.ends-before-starts",
        "活动的结束时间要晚于开始时间",
        "the event must end after it starts";
    STOP_OUTSIDE = "event.stop-outside",
        "第 {n} 站（{place}）不在大篷车自己的开始和结束时间之内；删掉大篷车的 start 和 end，就会按各站自动算出",
        "stop {n} ({place}) is outside the caravan's own start and end; leave those out to have them computed from the stops";
    EMPLOYER_NAME_EMPTY = "event.employer-name-empty",
        "用工单位名称是空的",
        "the employer's name is empty";
    EVENT_HEADCOUNT = "event.headcount",
        "招聘人数至少是 1（或者不写）",
        "headcount must be at least 1 (or leave it out)";
    STOPS_ONLY_CARAVAN = "event.stops-only-caravan",
        "只有大篷车（kind: caravan）才有站点（stops）",
        "only a caravan (`kind: caravan`) has stops";
    CARAVAN_ROUTE = "event.caravan-route",
        "大篷车要写路线：stops: 下面每站写 {county, place, start, end}",
        "a caravan needs its route: `stops:` with `{county, place, start, end}` for each stop";
    STOP_COUNTY = "event.stop-county",
        "regions.yaml 里没有旗县区 `{county}`（写它的六位区划代码，例如 \"150121\"）",
        "county `{county}` is not in regions.yaml (write its 6-digit GB/T 2260 code, e.g. \"150121\")";
    STOP_ENDS = "event.stop-ends",
        "这一站的结束时间要晚于开始时间",
        "the stop must end after it starts";
    STOP_PLACE = "event.stop-place",
        "写明大篷车停在哪里（place）",
        "say where the caravan stops";
    STOP_ORDER = "event.stop-order",
        "这一站在上一站结束之前就开始了：请按大篷车走的先后顺序写各站",
        "this stop starts before the previous one ends; list stops in the order the caravan visits them";
    COURSE_WHERE = "training.where",
        "写明在哪里上课：market: 市场编号，或 address: 地址",
        "say where the course is held: `market: <id>` or `address: …`";
    COURSE_ENDS = "training.ends-before-starts",
        "培训结束日期 {end} 早于开始日期 {start}",
        "the course ends on {end}, before it starts on {start}";
    COURSE_COST = "training.cost",
        "cost 是工人要交的钱（元）：免费写 0，不能是负数",
        "cost is what the worker pays, in yuan: 0 for a free course, never negative";
    SUBSIDY = "training.subsidy",
        "补贴写金额（元），0 或以上",
        "a subsidy is an amount in yuan, 0 or more";
    SERVICE_WAITING = "name.service-waiting",
        "waiting（等候用工）",
        "waiting";
    SERVICE_POSTINGS = "name.service-postings",
        "postings（求职信息发布）",
        "postings";
    SERVICE_TRAINING = "name.service-training",
        "training（技能培训）",
        "training";
    SERVICE_RIGHTS = "name.service-rights",
        "rights（劳动维权）",
        "rights";
    SERVICE_LEGAL = "name.service-legal",
        "legal（法律咨询）",
        "legal";
    FACILITY_SEATING = "name.facility-seating",
        "seating（休息座椅）",
        "seating";
    FACILITY_WATER = "name.facility-water",
        "water（饮用水）",
        "water";
    FACILITY_TOILETS = "name.facility-toilets",
        "toilets（卫生间）",
        "toilets";
    FACILITY_INFO_BOARD = "name.facility-info-board",
        "info_board（岗位信息栏）",
        "info_board";
}
