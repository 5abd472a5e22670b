//! Simplified Chinese (zh-CN) texts of the holiday import.

use super::CalendarKey;

pub fn text(key: CalendarKey) -> &'static str {
    use CalendarKey::*;
    match key {
        ImportTitle => "导入节假日列表",
        ImportHint => "每行一天：2027-01-01 元旦；一段日期：2027-02-06..2027-02-12 春节；调休补班日及其工作时间：2027-02-14 补班 09:00-18:00。也可以选择公共假日的 iCalendar（.ics）文件。",
        ImportText => "节假日列表",
        ImportFile => "或选择文件（.ics、.csv、.txt）",
        ImportAdd => "加入日历",
        ImportDone => "已加入 {0} 个节假日和 {1} 个补班日。保存日历后生效。",
        ImportBad => "无法识别，已跳过：第 {0} 行",
        ImportEmpty => "请先粘贴列表或选择文件。",
        FileUnreadable => "无法读取该文件。",
    }
}
