//! Starting and adding: `init`, `new`, the output folder's guard, `export`.

entries! {
    PATH_PROBLEM = "start.path",
        "{path} 读写不了：{reason}",
        "{path}: {reason}";
    NOT_EMPTY = "start.not-empty",
        "{dir} 不是空文件夹：gigboard init 只在新的或空的文件夹里建网站",
        "{dir} is not empty: gigboard init only writes into a new or empty folder";
    BUILTIN_DAMAGED = "start.builtin-damaged",
        "程序自带的行政区划表坏了，请重新安装 gigboard",
        "the built-in region list is damaged: install gigboard again";
    UNKNOWN_PLACE = "start.unknown-place",
        "GB/T 2260 的内蒙古行政区划里没有 `{asked}` 这个{what}（写六位代码或名称；{hint}）",
        "`{asked}` is not a {what} of Inner Mongolia in the GB/T 2260 list (give its 6-digit code or its name; {hint})";
    A_COUNTY = "start.a-county",
        "旗县区",
        "county";
    A_LEAGUE = "start.a-league",
        "盟市",
        "league";
    PLACE_EXAMPLE = "start.place-example",
        "例如代码 150221 或名称 固阳县",
        "for example the code 150221 or the name 固阳县";
    PLACE_CLOSE = "start.place-close",
        "是不是：{close}",
        "did you mean: {close}";
    MARKET_FLAG = "start.market-flag",
        "--market `{market}` 不对：{problem}",
        "--market `{market}`: {problem}";
    NO_MARKET_FILE = "start.no-market-file",
        "没有市场 `{market}`（没有 content/markets/{market}.yaml）",
        "there is no market `{market}` (no content/markets/{market}.yaml)";
    REGIONS_BROKEN = "start.regions-broken",
        "content/regions.yaml 有错误：先运行 gigboard check 改好",
        "content/regions.yaml has errors: run `gigboard check`";
    COUNTY_NOT_IN_REGIONS = "start.county-not-in-regions",
        "content/regions.yaml 里没有旗县区 {county}",
        "county {county} is not in content/regions.yaml";
    ALREADY_EXISTS = "start.already-exists",
        "{path} 已经有了：用 --id 换一个编号",
        "{path} already exists; choose another id with --id";
    EXPORT_HAS_ERRORS = "export.site-has-errors",
        "网站还有 {errors} 个错误：先运行 gigboard check 把它们改好，再导出",
        "the site has {errors} error(s): run `gigboard check` and correct them first";
    OUTPUT_HOLDS_SITE = "output.holds-site",
        "输出文件夹 {output} 包含网站本身（{root}）：构建会替换整个文件夹，连同内容文件。请用 --output 指定网站以外的一个新文件夹（默认是网站里的 output/）",
        "the output folder {output} holds the site itself ({root}): a build replaces the whole folder, content included; choose a new folder outside the site with --output (the default is output/ inside it)";
    OUTPUT_INSIDE_SOURCES = "output.inside-sources",
        "输出文件夹 {output} 在网站的源文件夹 {sources} 里面：构建会把生成的网页当作内容再读一遍，或替换掉内容文件。请用 --output 指定 content/ 和 themes/ 以外的文件夹",
        "the output folder {output} is inside the site's sources ({sources}): choose one outside content/ and themes/ with --output";
    OUTPUT_NOT_A_FOLDER = "output.not-a-folder",
        "{output} 是一个文件，不是文件夹：构建不会替换它。请用 --output 指定一个文件夹",
        "{output} is a file, not a folder: a build does not replace it; choose a folder with --output";
    OUTPUT_NOT_OURS = "output.not-ours",
        "输出文件夹 {output} 里已有不是 gigboard 生成的文件（例如 {found}），也没有 {marker} 标记。构建会整个替换这个文件夹，为免删掉这些文件，什么也没写。请用 --output 指定一个新的或空的文件夹；如果确实是以前生成的网站，把它删掉或移走后再构建",
        "the output folder {output} holds files gigboard did not make (e.g. {found}) and has no {marker} mark: nothing was written, so that they are not deleted; choose a new or empty folder with --output";
    OUTPUT_UNREADABLE = "output.unreadable",
        "无法查看输出文件夹 {output}：{reason}",
        "the output folder {output} cannot be read: {reason}";
}
