//! The rules every published text follows: no fees asked of workers, no
//! discrimination, no personal data, phones that can be called, lengths that fit the
//! board and the sheet, no template text left in.

entries! {
    FEE = "rule.fee",
        "向工人要钱（“{clause}”：{word}）：不得向劳动者收取费用或押金（劳动合同法第九条）；如果意思正相反，请在同一句里写明，例如 不收取{word}",
        "asks workers for money (“{clause}”: {word}); charging workers fees or deposits is not allowed (劳动合同法第九条); if the text means the opposite, say so in the same sentence, e.g. 不收取{word}";
    PAY_FIRST = "rule.pay-first",
        "要工人先交钱（“{clause}”）：找工作从来不需要先交钱",
        "asks workers to pay first (“{clause}”); workers are never asked to pay to get work";
    DISCRIMINATION = "rule.discrimination",
        "“{word}”按性别、户籍或民族限制求职者（就业促进法第三条）：请改为写清工作本身的要求",
        "“{word}” limits who may apply by sex, household registration or ethnicity (就业促进法第三条); describe the work instead";
    HYPE = "rule.hype",
        "“{word}”是夸大宣传：请写实际的工资和条件",
        "“{word}” is hype; state the actual pay and conditions";
    ID_CARD = "personal.id-card",
        "像是身份证号（{masked}）：身份证号一律不能公开",
        "looks like a mainland ID-card number ({masked}); never publish ID numbers";
    ID_CARD_15 = "personal.id-card-15",
        "像是 15 位的旧身份证号（{masked}）：身份证号一律不能公开",
        "looks like a 15-digit ID-card number ({masked}); never publish ID numbers";
    BANK_CARD = "personal.bank-card",
        "像是银行卡号（{masked}）：银行信息一律不能公开",
        "looks like a bank-card number ({masked}); never publish bank details";
    MOBILE_IN_TEXT = "personal.mobile-in-text",
        "正文里有手机号（{masked}）：这里不公开个人电话；用工单位的电话请写在 contact.phone",
        "a mobile number ({masked}) in the text: personal phones are not published here; put the employer's number in contact.phone";
    PHONE_IS = "phone.is-personal",
        "`{value}` 不是电话号码：{finding}",
        "`{value}` is not a phone number: {finding}";
    PHONE_CHARACTERS = "phone.characters",
        "`{value}` 不是电话号码：只能写数字、空格和横线，例如 0471-0000-0101 或 138-0000-0123{hint}",
        "`{value}` is not a phone number: use digits, spaces and dashes, e.g. 0471-0000-0101 or 138-0000-0123{hint}";
    PHONE_LETTER = "phone.letter",
        "；`{c}` 是字母，应该是数字 {digit}",
        "; `{c}` is a letter: write the digit {digit}";
    PHONE_UNCALLABLE = "phone.uncallable",
        "`{value}` 不是能打通的电话：手机 11 位，座机是区号加 7 或 8 位（0471-0000-0101），服务热线 3 到 6 位（12333）",
        "`{value}` is not a phone number a worker can call: a mobile has 11 digits, a landline its area code and 7 or 8 digits (0471-0000-0101), a service line 3 to 6 (12333)";
    TOO_LONG = "text.too-long",
        "有 {chars} 个字，`{key}` 最多 {limit} 个字：请写短一些（太长在岗位板、电子屏和打印的单子上都看不全）",
        "{chars} characters; `{key}` may hold at most {limit}: shorten it (a long text cannot be read on the board, the kiosk or the printed sheet)";
    FILL_IN = "text.fill-in",
        "这里还是模板里的“{shown}”：请写上真实内容，模板文字不会发布",
        "still the template's fill-in text “{shown}”: write the real text; template text is never published";
    FAKE_PHONE = "text.fake-phone",
        "“{value}”是模板里的假号码，打不通：请写上真实电话",
        "“{value}” is the template's made-up number and calls nobody: write the real phone number";
}
