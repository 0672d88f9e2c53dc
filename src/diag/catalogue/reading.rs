//! Reading the files: encodings, YAML syntax, the shape of each record, and the value
//! types editors write as text (dates, times, day sets).

entries! {
    CANNOT_READ = "file.unreadable",
        "读不了这个文件：{reason}",
        "cannot read the file: {reason}";
    NOT_A_FILE = "file.not-ordinary",
        "这不是普通文件（是设备、管道或套接字）",
        "it is not an ordinary file (a device, a pipe or a socket)";
    TOO_BIG = "file.too-big",
        "文件有 {size} MB，内容文件最大 {limit} MB：请拆成几个文件",
        "the file is {size} MB; content files are limited to {limit} MB: split it into several files";
    GBK = "file.gbk",
        "这个文件是 GBK/GB18030 编码（记事本、WPS 里的“ANSI”），不是 UTF-8，从第 {line} 行起的中文读不出来：请在编辑器里“另存为”UTF-8，或运行 gigboard check --fix 自动转换（原文件留一份 .gbk.bak）",
        "the file is GBK/GB18030 (\"ANSI\" in Notepad), not UTF-8, from line {line}: save it as UTF-8, or run `gigboard check --fix` to convert it (a copy is kept as .gbk.bak)";
    NOT_UTF8 = "file.not-utf8",
        "第 {line} 行有不是 UTF-8 的字节（文件第 {byte} 个字节）：请把文件另存为 UTF-8",
        "the file is not UTF-8 text from line {line} (byte {byte}): save it as UTF-8";
    EMPTY = "file.empty",
        "文件是空的",
        "the file is empty";
    FEED_EMPTY = "file.feed-empty",
        "岗位文件是空的",
        "the feed is empty";
    NO_SITE_YAML = "file.no-site-yaml",
        "没有 site.yaml：--root 指的是放 content/ 的那个文件夹吗？（新网站用 gigboard init 文件夹 建立）",
        "there is no site.yaml: is --root the folder that holds content/? (`gigboard init DIR` makes a new site)";
    NO_REGIONS_YAML = "file.no-regions-yaml",
        "没有 regions.yaml：市场要写明所在的盟市和旗县区，这些在 regions.yaml 里",
        "there is no regions.yaml: markets need the leagues and counties they belong to";
    NO_FRONT_MATTER = "file.no-front-matter",
        "页面要以“页头”开始：一行 ---，一行 title: 标题，再一行 ---",
        "a page starts with front matter: a line `---`, `title: …`, then another `---`";
    SYNTAX = "yaml.syntax",
        "文件格式（YAML）有误，从这里读不下去：{detail}。常见原因：缩进没对齐、引号或括号没有配对",
        "the YAML cannot be read from here: {detail}";
    TAB = "yaml.tab",
        "这一行开头有制表符（Tab 键）：YAML 只能用空格缩进，请把 Tab 换成空格，和同一层的行对齐",
        "a tab in the indentation: YAML is indented with spaces only; replace the tab with spaces";
    FULL_WIDTH_SPACE = "yaml.full-width-space",
        "这一行开头有全角空格（中文输入法的空格）：缩进只能用英文半角空格，请删掉重打",
        "a full-width space (U+3000) in the indentation: indent with ordinary spaces";
    FULL_WIDTH_COLON = "yaml.full-width-colon",
        "“{key}：”用了中文冒号“：”：字段名后面要用英文冒号加一个空格，写成“{key}: ”",
        "a full-width colon after `{key}`: write `{key}: ` (an ASCII colon and a space)";
    NO_SPACE_AFTER_COLON = "yaml.no-space-after-colon",
        "“{key}:”的冒号后面少了一个空格：写成“{key}: {value}”",
        "a space is needed after the colon: write `{key}: {value}`";
    POSTINGS_NOT_A_LIST = "yaml.postings-not-a-list",
        "postings 下面应该是岗位列表（每条以“- ”开头），这里是{found}",
        "expected a list of postings (lines starting with `- `), found {found}";
    MISSING_FIELD = "field.missing",
        "缺少必填字段 `{field}`",
        "the required field `{field}` is missing";
    NOT_ALLOWED_WORD = "field.unknown-word",
        "这里不能写 `{value}`，只能写下面其中一个：{allowed}",
        "`{value}` is not allowed here; write one of: {allowed}";
    INVALID_VALUE = "field.invalid",
        "这里不能写 {found}，应该是 {expected}",
        "{found} is not valid here: expected {expected}";
    INVALID_LENGTH = "field.wrong-length",
        "这里不能是 {len} 项的列表，应该是 {expected}",
        "a list of {len} items is not valid here: expected {expected}";
    EXPECTED = "field.wrong-type",
        "这里应该是{expected}，写的是{found}{hint}",
        "expected {expected}, found {found}{hint}";
    HINT_INDENT = "field.hint-indent",
        "（缩进对吗？）",
        " (is the indentation right?)";
    HINT_QUOTES = "field.hint-quotes",
        "：请给这个值加上英文引号，例如 \"08:00\"",
        " — put the value in quotes";
    A_WHOLE_NUMBER = "field.a-whole-number",
        "整数",
        "a whole number";
    A_YES_NO = "field.a-yes-no",
        "是或否（true 或 false）",
        "true or false";
    A_NUMBER = "field.a-number",
        "数字",
        "a number";
    A_TEXT = "field.a-text",
        "文字",
        "text";
    AN_EMPTY_VALUE = "field.an-empty-value",
        "空值",
        "an empty value";
    A_LIST = "field.a-list",
        "列表（每项一行，以“- ”开头）",
        "a list (lines starting with `- `)";
    A_GROUP = "field.a-group",
        "一组“字段名: 值”",
        "a group of `name: value` fields";
    A_WORD = "field.a-word",
        "允许的词语之一",
        "one word from the allowed list";
    FOUND_NOTHING = "field.found-nothing",
        "空的",
        "nothing (an empty value)";
    FOUND_YES_NO = "field.found-yes-no",
        "是否值 `{value}`",
        "yes/no value `{value}`";
    FOUND_NUMBER = "field.found-number",
        "数字 `{value}`",
        "number `{value}`";
    FOUND_TEXT = "field.found-text",
        "文字 `{value}`",
        "text `{value}`";
    FOUND_LIST = "field.found-list",
        "一个列表",
        "a list";
    FOUND_GROUP = "field.found-group",
        "一组字段",
        "a group of fields";
    UNKNOWN_FIELD = "field.unknown",
        "没有 `{name}` 这个字段",
        "unknown field `{name}`";
    DID_YOU_MEAN = "field.did-you-mean",
        "：是不是想写 `{field}`？",
        " — did you mean `{field}`?";
    FIELDS_ALLOWED = "field.allowed",
        "；这里可以写的字段有：{fields}",
        "; the fields allowed here are: {fields}";
    YAML11_KEY = "field.yaml11-key",
        "字段名 `{name}` 应该是 `{was}`：有的编辑器或插件按旧的 YAML 1.1 把 {was}: 改写成了 {name}:，请改回 {was}:",
        "the field `{name}` should be `{was}`: a YAML 1.1 tool (PyYAML, some editor plug-ins) rewrote `{was}:` as `{name}:`; change it back";
    NOT_A_DATE = "value.date",
        "`{value}` 不是日期：日期写成 年-月-日，例如 2026-11-27",
        "`{value}` is not a date; write dates as YYYY-MM-DD, for example 2026-11-27";
    NOT_A_DATE_TIME = "value.date-time",
        "`{value}` 不是日期和时间：写成 年-月-日T时:分，例如 2026-11-27T07:30（YYYY-MM-DDTHH:MM）",
        "`{value}` is not a date and time; write it as YYYY-MM-DDTHH:MM, for example 2026-11-27T07:30";
    NOT_A_TIME = "value.time",
        "`{value}` 不是时间：写成 时:分（HH:MM），例如 06:30",
        "`{value}` is not a time of day; write it as HH:MM, for example 06:30";
    NOT_DAYS = "value.days",
        "`{value}` 不是星期几的写法：例如 mon-fri（周一到周五）、sat,sun（周六周日）、sat 或 daily（每天）",
        "`{value}` is not a set of days; write for example mon-fri, sat,sun, sat or daily";
}
