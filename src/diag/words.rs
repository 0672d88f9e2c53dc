//! A field path as an editor says it: `postings[2].pay.unit` is 第 3 条岗位 · 工资 · 单位
//! (posting 3 · pay · unit). The path itself stays in `--format json`, which programs read;
//! people count from one and know the fields by their Chinese names, the same names
//! the spreadsheet columns and the templates' comments use.

use super::message::Lang;

/// Chinese names of the fields of the content files. A field not listed shows as written.
const NAMES: &[(&str, &str)] = &[
    ("address", "地址"),
    ("amount", "金额"),
    ("attribution", "地图署名"),
    ("base_url", "网站地址"),
    ("body", "详细说明"),
    ("brand_color", "主题颜色"),
    ("bring", "携带材料"),
    ("by", "审核人"),
    ("categories", "工种类别"),
    ("category", "工种"),
    ("classes", "工资档次"),
    ("close", "结束时间"),
    ("closed", "休息"),
    ("closures", "休息日"),
    ("code", "代码"),
    ("conditions", "工作条件"),
    ("contact", "联系人"),
    ("cost", "费用"),
    ("counties", "旗县区"),
    ("county", "旗县区"),
    ("credit_code", "统一社会信用代码"),
    ("crs", "坐标系"),
    ("date", "日期"),
    ("days", "星期"),
    ("description", "介绍"),
    ("duration", "时长"),
    ("effective", "施行日期"),
    ("employer", "用工单位"),
    ("employers", "用工单位"),
    ("end", "结束"),
    ("enrol", "报名方式"),
    ("expired_pages_days", "过期页面保留天数"),
    ("expires", "截止日期"),
    ("facilities", "设施"),
    ("footer", "页脚"),
    ("grade", "等级"),
    ("headcount", "招聘人数"),
    ("hotlines", "电话"),
    ("hourly", "小时最低工资"),
    ("hours", "工作时间"),
    ("icp", "ICP备案号"),
    ("id", "编号"),
    ("jobs", "岗位"),
    ("kind", "类型"),
    ("kiosk", "电子屏"),
    ("label", "名称"),
    ("language", "语言"),
    ("languages", "语言"),
    ("lat", "纬度"),
    ("leagues", "盟市"),
    ("licence", "许可证"),
    ("living", "生活补贴"),
    ("location", "位置"),
    ("lodging", "住宿"),
    ("logo", "标志图片"),
    ("lon", "经度"),
    ("map", "地图"),
    ("market", "市场"),
    ("max", "最高"),
    ("max_postings", "最多岗位数"),
    ("meals", "工作餐"),
    ("min", "最低"),
    ("minimum_wage", "最低工资标准"),
    ("monthly", "月最低工资"),
    ("name", "名称"),
    ("name_mn", "蒙古文名称"),
    ("note", "备注"),
    ("number", "号码"),
    ("on", "审核日期"),
    ("open", "开始时间"),
    ("opened", "开业日期"),
    ("operator", "运营单位"),
    ("organiser", "主办单位"),
    ("outline", "区划轮廓"),
    ("paginate", "每页条数"),
    ("pay", "工资"),
    ("phone", "电话"),
    ("place", "地点"),
    ("police", "公安备案号"),
    ("posted", "发布日期"),
    ("postings", "岗位"),
    ("print", "打印"),
    ("private", "内部信息"),
    ("provider", "培训机构"),
    ("publisher", "主办单位"),
    ("quick_hire", "急招"),
    ("reload_minutes", "刷新分钟数"),
    ("requirements", "要求"),
    ("review_number", "审图号"),
    ("safety_gear", "劳保用品"),
    ("schedule", "上课时间"),
    ("seconds_per_page", "每页秒数"),
    ("services", "服务"),
    ("slug", "网址名"),
    ("source", "来源"),
    ("start", "开始"),
    ("status", "状态"),
    ("stops", "站点"),
    ("subsidy", "补贴"),
    ("theme", "主题"),
    ("tiles", "地图底图"),
    ("timezone", "时区"),
    ("title", "名称"),
    ("trade", "工种"),
    ("training", "培训补贴"),
    ("transit", "公交"),
    ("transport", "交通"),
    ("unit", "单位"),
    ("verified", "审核"),
    ("wage_class", "工资档次"),
    ("weight", "排序"),
    ("welcomes", "欢迎人群"),
    ("who", "补贴对象"),
];

/// How the items of a list are counted, in Chinese: 第 3 条岗位, 第 2 个电话.
const ITEMS: &[(&str, &str, &str)] = &[
    ("postings", "条岗位", "posting"),
    ("hotlines", "个电话", "hotline"),
    ("hours", "条时间", "hours rule"),
    ("closures", "个休息日", "closure"),
    ("leagues", "个盟市", "league"),
    ("counties", "个旗县区", "county"),
    ("employers", "个用工单位", "employer"),
    ("stops", "个站点", "stop"),
    ("services", "项服务", "service"),
    ("facilities", "项设施", "facility"),
    ("welcomes", "项", "welcome"),
    ("events", "个活动", "event"),
    ("training", "个培训班", "course"),
];

/// The path in words, parts joined by ` · `; empty for an empty path.
pub fn field_words(path: &str, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut parent = "";
    for seg in path.split('.').filter(|s| !s.is_empty()) {
        let (name, index) = match seg.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (seg, None),
        };
        parts.push(match index {
            Some(i) => item_words(name, i + 1, lang),
            // A contact's name is a person's: 姓名, not 名称.
            None if lang == Lang::Zh && parent == "contact" && name == "name" => "姓名".into(),
            None => name_words(name, lang),
        });
        parent = name;
    }
    parts.join(" · ")
}

fn name_words(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => name.to_string(),
        Lang::Zh => NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map_or_else(|| name.to_string(), |(_, zh)| (*zh).to_string()),
    }
}

fn item_words(list: &str, n: usize, lang: Lang) -> String {
    let item = ITEMS.iter().find(|(l, _, _)| *l == list);
    match (lang, item) {
        (Lang::Zh, Some((_, zh, _))) => format!("第 {n} {zh}"),
        (Lang::Zh, None) => format!("{} 第 {n} 项", name_words(list, lang)),
        (Lang::En, Some((_, _, en))) => format!("{en} {n}"),
        (Lang::En, None) => format!("{} {n}", name_words(list, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_reads_as_an_editor_counts() {
        assert_eq!(
            field_words("postings[2].pay.unit", Lang::Zh),
            "第 3 条岗位 · 工资 · 单位"
        );
        assert_eq!(
            field_words("postings[2].pay.unit", Lang::En),
            "posting 3 · pay · unit"
        );
        assert_eq!(
            field_words("hotlines[0].number", Lang::Zh),
            "第 1 个电话 · 号码"
        );
        assert_eq!(field_words("footer.organiser", Lang::Zh), "页脚 · 主办单位");
        assert_eq!(
            field_words("postings[0].contact.name", Lang::Zh),
            "第 1 条岗位 · 联系人 · 姓名"
        );
        assert_eq!(field_words("colour", Lang::Zh), "colour");
        assert_eq!(field_words("", Lang::Zh), "");
    }

    #[test]
    fn every_name_is_listed_once_in_order() {
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
