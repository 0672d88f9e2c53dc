//! The site's own files: site.yaml, regions.yaml, pages, static files, the map's
//! outline, filed reports and links between pages.

entries! {
    TIMEZONE = "site.timezone",
        "`{value}` 不是时区名称：内蒙古写 Asia/Shanghai",
        "`{value}` is not a time zone name; Inner Mongolia uses Asia/Shanghai";
    BASE_URL_NOT_AN_ADDRESS = "site.base-url-not-an-address",
        "`{value}` 不是网址：请写完整，例如 https://gig.example.org.cn/",
        "`{value}` is not a web address; write it in full, like https://gig.example.org.cn/";
    BASE_URL_NO_HOST = "site.base-url-no-host",
        "`{value}` 没有网站域名：请写完整，例如 https://gig.example.org.cn/",
        "`{value}` has no host name; write it in full, like https://gig.example.org.cn/";
    BASE_URL_PASSWORD = "site.base-url-password",
        "`{value}` 里有用户名或密码，会公开在每个页面上：请删掉",
        "`{value}` holds a user name or password, which would be published on every page; leave them out";
    BASE_URL_QUERY = "site.base-url-query",
        "`{value}` 里有 `?` 或 `#`：网站文件夹的地址不带这些",
        "`{value}` has a `?` or `#` part; the address of the site's folder has none";
    BASE_URL_CHARACTERS = "site.base-url-characters",
        "`{value}` 里有空格或网址不能用的字符",
        "`{value}` holds spaces or characters an address cannot have";
    AT_LEAST_ONE = "site.at-least-one",
        "{field} 至少要写 1",
        "{field} must be at least 1";
    NO_CATEGORY = "site.no-category",
        "至少要有一个工种类别（categories）",
        "at least one category is needed";
    WAGE_FLOOR = "site.wage-floor",
        "最低工资标准要写大于 0 的金额（元）",
        "wage floors must be positive amounts in yuan";
    NOT_A_CODE = "regions.not-a-code",
        "`{value}` 不是行政区划代码（GB/T 2260，六位数字，例如 {example}）",
        "`{value}` is not a GB/T 2260 code (six digits, like {example})";
    CODE_TWICE = "regions.code-twice",
        "代码 {code} 写了两次",
        "the code {code} is listed twice";
    LAT_LON = "regions.lat-lon",
        "纬度（lat）要在 ±90 以内，经度（lon）要在 ±180 以内",
        "latitude must be within ±90 and longitude within ±180";
    WAGE_CLASS = "regions.wage-class",
        "工资档次 {class} 不在 site.yaml 的最低工资标准里（有的档次：{known}）",
        "wage class {class} is not in site.yaml's minimum_wage (classes: {known})";
    COUNTY_WITHOUT_MARKET = "regions.county-without-market",
        "{name}（{code}）在 content/markets/ 里还没有零工市场：方案要求每个旗县区至少有一个零工市场",
        "{name} ({code}) has no market in content/markets/ yet: the plan asks for at least one gig market in every county";
    LANGUAGE_IS_MAIN = "site.language-is-main",
        "`{lang}` 已经是网站的主语言（language）：这里只写另外加的语言",
        "`{lang}` is already the site's `language`; list only the extra ones here";
    LANGUAGE_TWICE = "site.language-twice",
        "`{lang}` 写了两次",
        "`{lang}` is listed twice";
    LANGUAGE_UNKNOWN = "site.language-unknown",
        "没有 `{lang}` 的界面文字（主题里没有 i18n/{lang}.yaml）：可以写 {known}",
        "there are no interface strings for `{lang}` (no i18n/{lang}.yaml in the theme); write one of: {known}";
    ID_EMPTY = "id.empty",
        "编号是空的",
        "the id is empty";
    ID_CHARACTERS = "id.characters",
        "`{value}` 不能做编号：编号会成为网址的一部分，只能用英文字母 a–z、数字和 `-`（例如 xincheng-20261127-01），以字母或数字开头，最多 80 个字符",
        "`{value}` cannot be used as an id: it becomes part of a web address, so use only letters a–z, digits and `-` (for example xincheng-20261127-01), starting with a letter or digit, at most 80 characters";
    LOGO_NOT_A_PICTURE = "look.logo-not-a-picture",
        "“{value}”不是图片：标志请用 {kinds} 文件",
        "`{value}` is not a picture: the logo must be one of {kinds}";
    LOGO_MISSING = "look.logo-missing",
        "找不到 content/static/{value}：把标志图片放在 content/static/ 里，这里写它在那里的路径，例如 images/logo.png",
        "there is no content/static/{value}: put the logo under content/static/ and write its path there, e.g. images/logo.png";
    NOT_A_COLOUR = "look.not-a-colour",
        "“{value}”不是颜色：请写成 #0b4f9c 这样的六位十六进制",
        "`{value}` is not a colour: write it as #RRGGBB, e.g. #0b4f9c";
    LOW_CONTRAST = "look.low-contrast",
        "{value} 上的白字对比度只有 {ratio}:1，至少要 {min}:1，老人和强光下看不清：请选更深的颜色",
        "white text on {value} has a contrast of {ratio}:1; at least {min}:1 is needed: choose a darker colour";
    OUTLINE_PATH = "map.outline-path",
        "`{value}` 不是 content/static/ 里的路径：写成 data/outline.geojson 这样",
        "`{value}` is not a path inside content/static/; write it like data/outline.geojson";
    OUTLINE_UNREADABLE = "map.outline-unreadable",
        "读不了地图轮廓 {file}：{reason}",
        "cannot read the map outline {file}: {reason}";
    OUTLINE_NOT_GEOJSON = "map.outline-not-geojson",
        "{file} 不是能用的 GeoJSON 轮廓：{reason}",
        "{file} is not a usable GeoJSON outline: {reason}";
    REVIEW_NUMBER_MISSING = "map.review-number-missing",
        "画了行政区轮廓的地图有边界线，公开的有边界地图要经过审核并标注审图号：请用标准地图，把审图号写在 map.review_number（例如 GS（2024）0650号），并写上 map.source；或者删掉 map.outline，地图就只画市场、不画边界",
        "a map with a region outline draws boundary lines, and a public map with boundaries must be approved and show its 审图号 (map review number): use a standard map and write its number as map.review_number, e.g. `GS（2024）0650号`, with map.source; or remove map.outline, and the map shows the markets without any boundary";
    REVIEW_NUMBER_FORM = "map.review-number-form",
        "`{value}` 不像审图号：审图号写成 GS（2024）0650号 或 蒙S（2023）012号，和标准地图上印的一样",
        "`{value}` does not look like a 审图号 (map review number); it is written like `GS（2024）0650号` or `蒙S（2023）012号`, as printed on the approved map";
    MAP_SOURCE_MISSING = "map.source-missing",
        "有行政区轮廓的地图要写明轮廓的来源：请写 map.source，例如“自然资源部标准地图服务”",
        "a map with a region outline must say where the outline comes from: write map.source, e.g. `自然资源部标准地图服务`";
    FAR_FROM_COUNTY = "map.far-from-county",
        "纬度 {lat} 经度 {lon} 离 regions.yaml 里的{county}（{code}）有 {km} 公里；{hint}",
        "lat {lat} lon {lon} is {km} km from {county} ({code}) as regions.yaml places it; {hint}";
    OUTSIDE_OUTLINE = "map.outside-outline",
        "纬度 {lat} 经度 {lon} 在行政区轮廓（{outline}）外面；{hint}",
        "lat {lat} lon {lon} is outside the region outline ({outline}); {hint}";
    HINT_SWAPPED = "map.hint-swapped",
        "纬度和经度好像写反了",
        "lat and lon look swapped";
    HINT_CHECK_NUMBERS = "map.hint-check-numbers",
        "请核对数字（WGS84 度数，先写纬度 lat）",
        "check the numbers (WGS84 degrees, lat first)";
    SLUG_RESERVED = "page.slug-reserved",
        "`{slug}` 是网站自己用的文件夹名：请给页面换一个网址名（slug）",
        "`{slug}` is a folder the site itself uses; give the page another slug";
    SLUG_TWICE = "page.slug-twice",
        "已经有页面用了网址名 `{slug}`",
        "another page already has the slug `{slug}`";
    RAW_HTML_PAGE = "page.raw-html",
        "页面里的 HTML 代码被删掉或改掉了（只发布 markdown 写的内容）",
        "raw HTML in the page was removed or changed (only markdown is published)";
    PAGE_FILL_IN = "page.fill-in",
        "页面里还有模板里的“（{mark}…）”：请写上真实内容，模板文字不会发布",
        "the page still holds a template's fill-in text “（{mark}…）”: write the real text; template text is never published";
    STATIC_REPLACES_THEME = "static.replaces-theme",
        "这个文件会替换主题自带的 `{name}`：要改主题的文件，请放进主题文件夹（themes/主题名/static/{name}，并在 site.yaml 写 theme: 主题名），或者给它换个名字",
        "this file would replace the theme's own `{name}`; to change the theme's files, put it in a theme folder (themes/NAME/static/{name}, with `theme: NAME` in site.yaml), or give it another name";
    STATIC_REPLACES_PAGE = "static.replaces-page",
        "这个文件会替换 gigboard 自己生成的页面或文件夹：请移到别的文件夹（例如 static/files/）",
        "this file would replace a page or folder gigboard writes itself; move it into another folder (for example static/files/)";
    REPORT_NAME = "report.name",
        "不发布：这个文件夹只放已上报的调度表，文件名写成 status-年-月-日.csv（status-YYYY-MM-DD.csv）",
        "not published: this folder keeps filed status reports named status-YYYY-MM-DD.csv";
    REPORT_DAY = "report.day",
        "{date} 不是上报日（每月 15 日或 28 日）；仍按这个文件名发布",
        "{date} is not a reporting day (the 15th or the 28th); it is published under this name anyway";
    LINK_NOWHERE = "link.nowhere",
        "链接 `{target}` 指向的页面本网站没有（{problem}）：请写网站上有的页面地址，例如 `/map/` 或 `/markets/编号/`",
        "the link `{target}` points to no page of this site ({problem}); write the address of a page the site has, e.g. `/map/` or `/markets/ID/`";
    NO_SUCH = "link.no-such",
        "没有编号为 `{id}` 的{what}",
        "there is no {what} `{id}`";
    WHAT_POSTING = "link.posting",
        "岗位",
        "posting";
    WHAT_MARKET = "link.market",
        "市场",
        "market";
    WHAT_LEAGUE = "link.league",
        "盟市",
        "league with the code";
    WHAT_COUNTY = "link.county",
        "旗县区",
        "county with the code";
    WHAT_EVENT = "link.event",
        "招聘活动",
        "event";
    WHAT_TRAINING = "link.training",
        "培训班",
        "training programme";
    WHAT_CATEGORY = "link.category",
        "工种",
        "category";
    NOTHING_CALLED = "link.nothing-called",
        "本网站没有叫 `{name}` 的内容",
        "nothing of this site is called `{name}`";
    ALL_EXPIRED_FEEDS = "feed.all-expired",
        "{feeds} 个岗位文件里的 {postings} 个岗位已全部过期，不再发布：运行 gigboard archive 把这些文件移到 content/archive/",
        "{feeds} feed(s) hold only expired postings ({postings} in all), which are no longer published: `gigboard archive` moves them to content/archive/";
}
