//! The columns of a postings sheet: the Chinese header a bureau writes (and a few it
//! also writes for the same thing), the English field name, and what the template's
//! guide sheet says about each. One table, read by `import`, `new sheet` and `export`.

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    Title,
    Category,
    Employer,
    EmployerKind,
    CreditCode,
    Licence,
    Pay,
    PayMin,
    PayMax,
    PayUnit,
    Headcount,
    Kind,
    Start,
    End,
    Posted,
    Expires,
    Place,
    ContactName,
    Phone,
    Requirements,
    Body,
    QuickHire,
    Welcomes,
    Meals,
    Lodging,
    Transport,
    SafetyGear,
    WorkHours,
    VerifiedBy,
    VerifiedOn,
    Market,
    Source,
    Status,
}

/// One column: its header in the template, other headers meaning the same, the
/// English field name (accepted as a header too), and the guide's explanation.
pub struct Column {
    pub field: Field,
    pub header: &'static str,
    pub also: &'static [&'static str],
    pub english: &'static str,
    pub guide: &'static str,
    /// The template's example row.
    pub example: &'static str,
    /// Characters wide in the template.
    pub width: f64,
}

macro_rules! col {
    ($field:ident, $header:literal, [$($also:literal),*], $en:literal, $width:literal, $example:literal, $guide:literal) => {
        Column {
            field: Field::$field,
            header: $header,
            also: &[$($also),*],
            english: $en,
            guide: $guide,
            example: $example,
            width: $width,
        }
    };
}

/// Every column, in the template's order.
pub const COLUMNS: &[Column] = &[
    col!(
        Id,
        "编号",
        ["岗位编号", "序号编号"],
        "id",
        14.0,
        "示例（不会导入）",
        "可不填。不填时按市场、发布日期、岗位名称和用工单位生成，再次导入同一行会更新原岗位，不会重复。"
    ),
    col!(
        Title,
        "岗位名称",
        ["岗位", "职位名称", "工作名称"],
        "title",
        22.0,
        "小区楼道保洁",
        "必填。"
    ),
    col!(
        Category,
        "工种",
        ["岗位类别", "类别", "工种类别"],
        "category",
        12.0,
        "保洁家政",
        "必填。写网站上的工种名称（下拉可选），或它的英文代号。"
    ),
    col!(
        Employer,
        "用工单位",
        ["招聘单位", "单位名称", "雇主"],
        "employer",
        26.0,
        "某某物业服务有限公司",
        "必填。单位全称或个人雇主姓名。"
    ),
    col!(
        EmployerKind,
        "单位类型",
        ["雇主类型"],
        "employer_kind",
        12.0,
        "企业",
        "企业、个人、人力资源服务机构、机关事业单位，不填为企业。"
    ),
    col!(
        CreditCode,
        "统一社会信用代码",
        ["信用代码"],
        "credit_code",
        22.0,
        "",
        "企业和机构填写，18 位。"
    ),
    col!(
        Licence,
        "许可证编号",
        ["人力资源服务许可证"],
        "licence",
        18.0,
        "",
        "人力资源服务机构必填。"
    ),
    col!(
        Pay,
        "工资",
        ["薪资", "工资待遇", "报酬"],
        "pay",
        14.0,
        "150元/天",
        "必填（或填工资下限、上限）。可写 150、150元/天、25-30元/小时。"
    ),
    col!(
        PayMin,
        "工资下限",
        ["最低工资"],
        "pay_min",
        10.0,
        "",
        "有范围时填。"
    ),
    col!(
        PayMax,
        "工资上限",
        ["最高工资"],
        "pay_max",
        10.0,
        "",
        "有范围时填。"
    ),
    col!(
        PayUnit,
        "计薪方式",
        ["工资单位", "计薪单位"],
        "pay_unit",
        10.0,
        "按天",
        "按小时、按天、计件、按月（下拉可选）；“工资”里已写“元/天”时可不填。"
    ),
    col!(
        Headcount,
        "招聘人数",
        ["人数", "需求人数"],
        "headcount",
        10.0,
        "3",
        "不填为 1 人。"
    ),
    col!(
        Kind,
        "用工形式",
        ["用工类型"],
        "kind",
        12.0,
        "日结",
        "日结、非全日制、计件、全日制（下拉可选），不填为日结。"
    ),
    col!(
        Start,
        "开工时间",
        ["开始时间", "上岗时间"],
        "start",
        18.0,
        "2026-12-07 08:00",
        "日期和时间，如 2026-12-07 08:00、2026年12月7日 8:00。"
    ),
    col!(
        End,
        "结束时间",
        ["收工时间", "完工时间"],
        "end",
        18.0,
        "",
        "同上，可不填。"
    ),
    col!(
        Posted,
        "发布日期",
        ["发布时间"],
        "posted",
        12.0,
        "2026-12-06",
        "不填为导入当天（或 --date 给的日期）。"
    ),
    col!(
        Expires,
        "截止日期",
        ["有效期至", "截止时间"],
        "expires",
        12.0,
        "2026-12-08",
        "必填。过了这一天岗位不再发布。"
    ),
    col!(
        Place,
        "工作地点",
        ["地点", "工作地址"],
        "place",
        26.0,
        "",
        "不填为所属零工市场。"
    ),
    col!(
        ContactName,
        "联系人",
        [],
        "contact_name",
        10.0,
        "王师傅",
        ""
    ),
    col!(
        Phone,
        "联系电话",
        ["电话", "手机", "联系方式"],
        "phone",
        16.0,
        "138-0000-0000",
        "请写真实电话；示例号码不会发布。"
    ),
    col!(
        Requirements,
        "岗位要求",
        ["要求", "招聘条件"],
        "requirements",
        26.0,
        "身体健康，能吃苦",
        "不得有性别、民族、户籍等歧视性条件，不得收取任何费用。"
    ),
    col!(
        Body,
        "岗位说明",
        ["工作内容", "岗位描述", "说明"],
        "body",
        34.0,
        "负责小区楼道和电梯间的日常清扫。",
        ""
    ),
    col!(
        QuickHire,
        "即时快招",
        ["快招"],
        "quick_hire",
        10.0,
        "否",
        "当天招、当天干的写“是”。"
    ),
    col!(
        Welcomes,
        "欢迎人群",
        ["优先人群"],
        "welcomes",
        18.0,
        "",
        "大龄、残疾人、长期失业、低收入，可写几个，用顿号隔开。"
    ),
    col!(
        Meals,
        "管饭",
        ["包吃"],
        "meals",
        8.0,
        "是",
        "是或否，不知道就不填。"
    ),
    col!(Lodging, "住宿", ["包住"], "lodging", 8.0, "", "是或否。"),
    col!(
        Transport,
        "接送",
        ["交通"],
        "transport",
        8.0,
        "",
        "是或否。"
    ),
    col!(
        SafetyGear,
        "劳保用品",
        ["劳保"],
        "safety_gear",
        10.0,
        "",
        "是或否。"
    ),
    col!(
        WorkHours,
        "工作时间",
        ["上班时间"],
        "hours",
        18.0,
        "07:30–17:30",
        "用文字写，如 07:30–17:30，午休 1 小时。"
    ),
    col!(
        VerifiedBy,
        "审核人",
        ["核实人"],
        "verified_by",
        14.0,
        "",
        "核实过岗位真实的工作人员；不填不会发布。"
    ),
    col!(
        VerifiedOn,
        "审核日期",
        ["核实日期"],
        "verified_on",
        12.0,
        "",
        "核实的日期。"
    ),
    col!(
        Market,
        "所属市场",
        ["零工市场", "市场"],
        "market",
        18.0,
        "",
        "市场的名称或编号；导入时给了 --market 可不填。"
    ),
    col!(
        Source,
        "信息来源",
        ["来源"],
        "source",
        16.0,
        "",
        "转载的岗位写明来源。"
    ),
    col!(
        Status,
        "状态",
        ["招聘状态"],
        "status",
        10.0,
        "",
        "已招满的写“已招满”。"
    ),
];

/// The column a header names (trimmed, any case; a `*` marking a required column and
/// spaces are ignored), if any.
pub fn by_header(header: &str) -> Option<&'static Column> {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊'))
        .collect();
    if h.is_empty() {
        return None;
    }
    COLUMNS.iter().find(|c| {
        c.header == h || c.also.contains(&h.as_str()) || c.english.eq_ignore_ascii_case(&h)
    })
}

/// The column of a field.
pub fn of(field: Field) -> &'static Column {
    COLUMNS
        .iter()
        .find(|c| c.field == field)
        .unwrap_or(&COLUMNS[0])
}

/// The id the template's example row carries: a row with it is never imported.
pub fn example_id() -> &'static str {
    of(Field::Id).example
}

/// A column's letters as a spreadsheet shows them (0 → A, 26 → AA).
pub fn letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_chinese_in_english_or_marked_required_name_their_column() {
        assert_eq!(by_header("岗位名称").map(|c| c.field), Some(Field::Title));
        assert_eq!(
            by_header(" 招聘人数* ").map(|c| c.field),
            Some(Field::Headcount)
        );
        assert_eq!(
            by_header("Headcount").map(|c| c.field),
            Some(Field::Headcount)
        );
        assert_eq!(by_header("手机").map(|c| c.field), Some(Field::Phone));
        assert!(by_header("备注").is_none());
        let mut seen = std::collections::HashSet::new();
        for c in COLUMNS {
            for name in std::iter::once(c.header).chain(c.also.iter().copied()) {
                assert!(seen.insert(name), "{name} names two columns");
            }
        }
    }

    #[test]
    fn column_letters_are_as_a_spreadsheet_shows_them() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
