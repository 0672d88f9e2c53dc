//! What the commands say about a run: summaries, progress, the dev server's notices.

entries! {
    ERROR = "run.error",
        "错误：{message}",
        "error: {message}";
    BAD_DATE = "run.bad-date",
        "{flag} {value} 不对：{problem}",
        "{flag} {value}: {problem}";
    NO_ROOT = "run.no-root",
        "--root {dir}：没有这个文件夹",
        "--root {dir}: no such folder";
    FIXED_GBK = "run.fixed-gbk",
        "已把 {file} 从 GBK 转成 UTF-8，原文件留在 {copy}",
        "converted {file} from GBK to UTF-8; the original is {copy}";
    CHECKED = "run.checked",
        "检查完毕：{markets} 个市场，{postings} 个岗位（在招 {live} 个，已过期 {expired} 个，{filled}未审核 {unverified} 个）；{errors} 个错误，{warnings} 个警告{unchanged}",
        "checked: {markets} markets, {postings} postings ({live} live, {expired} expired, {filled}{unverified} unverified); {errors} error(s), {warnings} warning(s){unchanged}";
    FILLED = "run.filled",
        "已招满 {n} 个，",
        "{n} filled, ";
    UNCHANGED = "run.unchanged",
        "（{feeds} 个岗位文件中有 {same} 个自上次检查以来没有改动）",
        " ({same} of {feeds} feed files unchanged since the last check)";
    CHECK_FAILED = "run.check-failed",
        "{errors} 个错误，{warnings} 个警告：请改正上面的错误，再运行 gigboard check",
        "{errors} error(s), {warnings} warning(s): fix the errors above and run `gigboard check` again";
    BUILDING = "run.building",
        "正在生成网站……",
        "building the site…";
    BUILT = "run.built",
        "已生成 {pages} 个页面（共 {files} 个文件），写入 {output}，用时 {secs} 秒：发布在招岗位 {live} 个；已过期 {expired} 个、{filled}未审核 {unverified} 个没有发布；{warnings} 个警告{hint}",
        "built {pages} pages ({files} files) into {output} in {secs}s: {live} live postings, {expired} expired, {filled}{unverified} unverified left out; {warnings} warning(s){hint}";
    WARNINGS_HINT = "run.warnings-hint",
        "（gigboard check 会逐条列出）",
        " (`gigboard check` lists them)";
    BUILD_STOPPED = "run.build-stopped",
        "构建停止：{errors} 个错误，{warnings} 个警告；{output} 没有改动，原来的网站照常可用",
        "build stopped: {errors} error(s), {warnings} warning(s); {output} was not changed";
    BUILD_STOPPED_OTHER = "run.build-stopped-other",
        "构建停止：{problem}\n{output} 没有改动，原来的网站照常可用",
        "build stopped: {problem}\n{output} was not changed";
    WROTE = "run.wrote",
        "已写入 {file}",
        "wrote {file}";
    INIT_DONE = "run.init-done",
        "新网站已建好。先填好市场文件里“请填写”的地方（gigboard check --root {dir} 会逐条列出），再用 gigboard new posting 添加岗位，然后 gigboard build --root {dir}",
        "a new site is ready: fill in what `gigboard check --root {dir}` lists, add postings with `gigboard new posting`, then `gigboard build --root {dir}`";
    NEW_POSTING = "run.new-posting",
        "已在 {file} 添加岗位 {id}：填好“（请填写…）”的地方，审核后（verified）运行 gigboard check",
        "added posting {id} to {file}: fill in the （请填写） parts, verify it, then run `gigboard check`";
    NEW_MARKET = "run.new-market",
        "已写入 {file}：填好“（请填写…）”的地方，再运行 gigboard check",
        "wrote {file}: fill in the （请填写） parts, then run `gigboard check`";
    NEW_SHEET = "run.new-sheet",
        "已写入 {file}：在示例行下面每行填一个岗位，再运行 gigboard import {file}",
        "wrote {file}: one posting a row below the example, then `gigboard import {file}`";
    ARCHIVE_MOVED = "run.archive-moved",
        "{from} 已移到 {to}（{postings} 个岗位）",
        "{from} moved to {to} ({postings} postings)";
    ARCHIVE_WOULD_MOVE = "run.archive-would-move",
        "{from} 会移到 {to}（{postings} 个岗位）",
        "{from} would move to {to} ({postings} postings)";
    ARCHIVED = "run.archived",
        "{moved} 个岗位文件已归档（{before} 以前全部过期的）；{kept} 个留在原处",
        "{moved} feed(s) archived (all expired before {before}), {kept} kept";
    WOULD_ARCHIVE = "run.would-archive",
        "{moved} 个岗位文件可以归档（{before} 以前全部过期的）；{kept} 个留在原处；这次没有移动任何文件",
        "{moved} feed(s) would be archived (all expired before {before}), {kept} kept; nothing was moved";
    EXPORTED = "run.exported",
        "已写入 {file}：{rows} 行",
        "wrote {file}: {rows} row(s)";
    SERVE_REBUILT = "serve.rebuilt",
        "用 {ms} 毫秒重新检查完毕：在招岗位 {live} 个，{warnings} 个警告；页面在打开时生成",
        "rebuilt in {ms} ms: {live} live postings, {warnings} warning(s); pages are rendered when asked for";
    SERVE_KEPT = "serve.kept",
        "{problems}\n仍在显示上一次没有错误的网站：改正后保存，页面会自动更新",
        "{problems}\nthe last good site is still being served; fix the problem and save again";
    SERVE_OVERLAY = "serve.overlay",
        "gigboard：内容有错误，这里显示的是上一次没有错误的页面。",
        "gigboard: the content has errors; this is the last good version of the page.";
    SERVE_NO_SITE = "serve.no-site",
        "网站有错误，请看终端窗口里的说明",
        "the site has errors; see the terminal";
    SERVING = "serve.serving",
        "正在 {url} 预览 {dir}：按 Ctrl+C 停止",
        "serving {dir} at {url}: press Ctrl+C to stop";
    IMPORT_USAGE = "import.usage",
        "用法：gigboard import 文件，或 gigboard import markets 文件",
        "usage: gigboard import FILE, or gigboard import markets FILE";
    IMPORT_WROTE = "import.wrote",
        "已写入 {file}",
        "wrote {file}";
    IMPORT_WOULD_WRITE = "import.would-write",
        "会写入 {file}",
        "would write {file}";
    IMPORT_EXAMPLES = "import.examples",
        "跳过了 {n} 行模板示例",
        "skipped {n} example row(s) of the template";
    IMPORTED = "import.done",
        "导入了 {rows} 行：新增 {added} 个{things}，修改 {changed} 个，未变 {unchanged} 个",
        "imported {rows} row(s): {added} {things} added, {changed} changed, {unchanged} unchanged";
    IMPORT_CHECKED = "import.checked",
        "检查了 {rows} 行：会新增 {added} 个{things}，修改 {changed} 个，未变 {unchanged} 个（没有写入任何文件）",
        "checked {rows} row(s): {added} {things} would be added, {changed} changed, {unchanged} unchanged (nothing written)";
    THINGS_POSTINGS = "import.postings",
        "岗位",
        "postings";
    THINGS_MARKETS = "import.markets",
        "市场",
        "markets";
    IMPORT_STOPPED = "import.stopped",
        "导入停止：{errors} 个错误，没有写入任何文件。改好表格后再导入一次",
        "import stopped: {errors} error(s), nothing written; correct the sheet and import it again";
    I18N_HEADER = "i18n.header",
        "语言                    已翻译             缺少          过期",
        "language                translated         missing       stale";
    I18N_HINT = "i18n.hint",
        "缺少或过期的文字显示为中文。导出给翻译：gigboard i18n export --lang 代码 文件.xlsx",
        "missing and stale texts show in Chinese; export a sheet for the translator: gigboard i18n export --lang CODE FILE.xlsx";
    I18N_EXPORTED = "i18n.exported",
        "已写出 {file}：{n} 条界面文字。填好“{lang}”一列后运行 gigboard i18n import {file}",
        "wrote {file}: {n} texts; fill in the `{lang}` column, then run `gigboard i18n import {file}`";
    I18N_THEME_ADDED = "i18n.theme-added",
        "content/site.yaml 末尾加上了 theme: local（译文放在 themes/local/ 里）",
        "added `theme: local` to the end of content/site.yaml (the translations live in themes/local/)";
    I18N_IMPORTED = "i18n.imported",
        "{lang}：新增 {added}，修改 {changed}，未变 {unchanged}；已写入 {file}",
        "{lang}: {added} added, {changed} changed, {unchanged} unchanged; wrote {file}";
    I18N_STOPPED = "i18n.stopped",
        "{n} 处问题，什么也没有写入",
        "{n} problem(s); nothing was written";
}
