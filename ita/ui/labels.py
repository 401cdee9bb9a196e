"""Display labels in Thai and English, in one mapping used by every page."""

from __future__ import annotations

import streamlit as st

AGENCY_TYPES: dict[str, tuple[str, str]] = {
    "pao": ("องค์การบริหารส่วนจังหวัด (อบจ.)", "Provincial administration (PAO)"),
    "city_municipality": ("เทศบาลนคร (ทน.)", "City municipality"),
    "town_municipality": ("เทศบาลเมือง (ทม.)", "Town municipality"),
    "subdistrict_municipality": ("เทศบาลตำบล (ทต.)", "Subdistrict municipality"),
    "sao": ("องค์การบริหารส่วนตำบล (อบต.)", "Subdistrict administration (SAO)"),
    "provincial_office": ("จังหวัด", "Provincial office"),
    "other": ("อื่น ๆ", "Other"),
}
STATUSES: dict[str, tuple[str, str]] = {
    "done": ("ดำเนินการแล้วเสร็จ", "Done"),
    "in_progress": ("อยู่ระหว่างดำเนินการ", "In progress"),
    "not_started": ("ยังไม่ดำเนินการ", "Not started"),
    "unknown": ("ไม่ระบุ", "Not stated"),
}
TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("ITA ท้องถิ่น", "Local ITA"),
    "overview": ("ภาพรวม", "Overview"),
    "compare": ("เปรียบเทียบหน่วยงาน", "Compare agencies"),
    "indicators": ("ตัวชี้วัดที่อ่อน", "Weak indicators"),
    "follow_through": ("การติดตามมาตรการ", "Follow-through"),
    "agency": ("ข้อมูลหน่วยงาน", "Agency profile"),
    "data": ("ข้อมูลและการนำเข้า", "Data and import"),
    "year": ("ปีงบประมาณ", "Fiscal year"),
    "province": ("จังหวัด", "Province"),
    "district": ("อำเภอ", "District"),
    "agency_type": ("ประเภทหน่วยงาน", "Agency type"),
    "indicator": ("ตัวชี้วัด", "Indicator"),
    "agency_name": ("หน่วยงาน", "Agency"),
    "all": ("ทั้งหมด", "All"),
    "data_shown": ("ข้อมูลที่แสดง", "Data shown"),
    "real_and_synthetic": ("ข้อมูลจริงและข้อมูลจำลอง", "Real and synthetic"),
    "real_only": ("เฉพาะข้อมูลจริง", "Real data only"),
    "synthetic_badge": ("ข้อมูลจำลอง", "Synthetic"),
    "synthetic_note": (
        "ผลลัพธ์นี้รวมข้อมูลจำลองเพื่อการสาธิต ไม่ใช่ผลการประเมินจริง",
        "These results include generated demo data, not real assessments.",
    ),
    "real_only_note": ("แสดงเฉพาะข้อมูลจริงจากเอกสาร", "Showing real data from documents only"),
    "no_data": ("ไม่พบข้อมูลตามตัวกรองที่เลือก", "No data matches the chosen filters."),
    "language": ("ภาษา", "Language"),
    "score": ("คะแนน", "Score"),
    "grade": ("ระดับ", "Grade"),
    "show_table": ("แสดงเป็นตาราง", "Show as table"),
    "download_csv": ("ดาวน์โหลด CSV", "Download CSV"),
    "definitions": ("นิยามและเกณฑ์", "Definitions"),
    "mean_score": ("คะแนนเฉลี่ย", "Mean score"),
    "count_agencies": ("หน่วยงานที่ได้รับการประเมิน", "Agencies assessed"),
    "pass_share": ("สัดส่วนที่ได้ {pass_mark} ขึ้นไป", "Share scoring {pass_mark} or more"),
    "national_target": ("เป้าหมายประเทศ {value}%", "National target {value}%"),
    "national_mean": ("ค่าเฉลี่ยประเทศ (ป.ป.ช.)", "National mean (NACC)"),
    "method_change": ("เปลี่ยนเกณฑ์", "Method changed"),
    # Overview, Compare and Weak indicators pages
    "pp": ("จุด", "pp"),
    "ov_tab_years": ("ผลรายปี", "Over the years"),
    "ov_tab_grades": ("ระดับผลการประเมิน", "Grades"),
    "ov_tab_weakest": ("ตัวชี้วัดที่คะแนนต่ำสุด", "Weakest indicators"),
    "cmp_tab_ranking": ("อันดับ", "Ranking"),
    "cmp_tab_indicators": ("เทียบรายตัวชี้วัด", "Indicator by indicator"),
    "cmp_tab_transitions": ("การเปลี่ยนระดับ", "Grade transitions"),
    "ind_tab_points": ("คะแนนที่เสีย", "Points lost"),
    "ind_tab_spread": ("การกระจายคะแนน", "Score spread"),
    "ind_tab_below": ("ต่ำกว่าเกณฑ์ต่อเนื่อง", "Below the threshold"),
    "vs_year": ("เทียบกับปี", "vs"),
    "vs_target": ("เทียบเป้าหมายประเทศ {target}%", "Against the national {target}% target"),
    "vs_target_help": (
        "ยุทธศาสตร์ชาติตั้งเป้าให้หน่วยงานอย่างน้อยร้อยละ {target} ได้คะแนน {pass_mark} ขึ้นไป",
        "The national strategy aims for at least {target}% of agencies scoring {pass_mark} or more.",
    ),
    "no_data_year": ("ไม่มีผลการประเมินของปีนี้ในขอบเขตที่เลือก", "No assessments for this year in the chosen scope."),
    "no_indicators_year": (
        "ปีนี้ไม่มีคะแนนรายตัวชี้วัด (แบบประเมินเดิม 5 ดัชนี หรือไม่พบข้อมูลตามตัวกรอง)",
        "No indicator scores for this year (the old five-index model, or nothing matches the filters).",
    ),
    "trend_mean": ("คะแนนเฉลี่ยรายปี", "Mean score by year"),
    "trend_pass_share": ("สัดส่วนหน่วยงานที่ผ่านเกณฑ์ รายปี", "Share at or above the pass mark, by year"),
    "scope_mean": ("ค่าเฉลี่ยในขอบเขตที่เลือก", "Mean in the chosen scope"),
    "scope_pass_share": ("สัดส่วนในขอบเขตที่เลือก", "Share in the chosen scope"),
    "national_pass_share": ("สัดส่วนของประเทศ (ป.ป.ช.)", "National share (NACC)"),
    "pass_mark": ("เกณฑ์ผ่าน {value}", "Pass mark {value}"),
    "grade_distribution": ("การกระจายของระดับผลการประเมินรายปี", "Grades and pass labels by year"),
    "share_percent": ("สัดส่วน (%)", "Share (%)"),
    "count": ("จำนวน", "Count"),
    "label": ("ระดับ/ผล", "Grade or label"),
    "weakest_indicators": ("ตัวชี้วัดที่คะแนนเฉลี่ยต่ำสุด", "Weakest indicators"),
    "share_below_pass": ("สัดส่วนที่ต่ำกว่าเกณฑ์ผ่าน (%)", "Share below the pass mark (%)"),
    "median_score": ("ค่ามัธยฐาน", "Median"),
    "instrument": ("เครื่องมือ", "Instrument"),
    "method_ita10": ("10 ตัวชี้วัด", "10 indicators"),
    "method_five_index": ("5 ดัชนี", "five indices"),
    "method_letters": ("ระดับ AA–F", "letters AA–F"),
    "method_ratings": ("ผ่าน/ไม่ผ่าน", "pass labels"),
    "method_levels": ("ระดับสูงมาก–ต่ำมาก", "levels"),
    "ranking": ("อันดับหน่วยงาน", "Agency ranking"),
    "ranking_note": (
        "อันดับ 1 = คะแนนสูงสุด · อันดับในประเภท = เทียบกับหน่วยงานประเภทเดียวกันในจังหวัด · "
        "เปอร์เซ็นไทล์ = เทียบกับหน่วยงานประเภทเดียวกันทั่วประเทศ (100 = สูงสุด)",
        "Rank 1 = highest score · rank in type = among agencies of the same type in the province · "
        "percentile = among agencies of the same type nationwide (100 = highest)",
    ),
    "previous_score": ("คะแนนปีก่อน", "Previous year"),
    "change": ("เปลี่ยนแปลง", "Change"),
    "rank_in_province": ("อันดับในจังหวัด", "Rank in province"),
    "rank_in_type": ("อันดับในประเภท", "Rank in type"),
    "percentile_in_type": ("เปอร์เซ็นไทล์ในประเภท", "Percentile in type"),
    "choose_agencies": ("เลือกหน่วยงานเพื่อเปรียบเทียบ (2–5 แห่ง)", "Choose agencies to compare (2–5)"),
    "choose_agencies_hint": (
        "เลือกหน่วยงานอย่างน้อย 2 แห่งเพื่อดูคะแนนรายตัวชี้วัดเทียบกัน",
        "Choose at least two agencies to compare their indicator scores.",
    ),
    "side_by_side": ("เปรียบเทียบรายตัวชี้วัด", "Indicators side by side"),
    "peer_median": ("มัธยฐานกลุ่มเดียวกัน", "Peer median"),
    "peer_median_note": (
        "มัธยฐานกลุ่มเดียวกัน = ค่ามัธยฐานของหน่วยงานประเภทเดียวกันในจังหวัดเดียวกัน",
        "Peer median = median of agencies of the same type in the same province.",
    ),
    "count_peers": ("จำนวนในกลุ่ม", "Peers"),
    "difference": ("ต่างจากมัธยฐาน", "Difference from median"),
    "heatmap": ("คะแนนรายตัวชี้วัดของหน่วยงาน", "Agency × indicator scores"),
    "heatmap_lowest": (
        "แสดง {shown} หน่วยงานที่คะแนนรวมต่ำสุด จากทั้งหมด {total} หน่วยงานในขอบเขต",
        "Showing the {shown} lowest-scoring of {total} agencies in the scope",
    ),
    "heatmap_chosen": ("แสดงหน่วยงานที่เลือก {shown} แห่ง", "Showing the {shown} chosen agencies"),
    "overall": ("คะแนนรวม", "Overall"),
    "transitions": ("การเปลี่ยนระดับระหว่างปี", "Grade transitions between years"),
    "from_year": ("จากปี", "From year"),
    "to_year": ("ถึงปี", "To year"),
    "same_years": ("เลือกสองปีที่ต่างกัน", "Choose two different years."),
    "transition_summary": (
        "ประเมินทั้งสองปี {total} แห่ง · ดีขึ้น {up} · ลดลง {down} · ตกจากผ่านเกณฑ์มาต่ำกว่าเกณฑ์: {fell}",
        "Assessed in both years: {total} · moved up {up} · moved down {down} · fell below the pass mark: {fell}",
    ),
    "transition_note": (
        "ปีที่ใช้เกณฑ์ต่างกัน (เช่น AA–F กับ ผ่าน/ไม่ผ่าน) ถือว่าดีขึ้นหรือลดลงเมื่อข้ามเกณฑ์ผ่านเท่านั้น",
        "Across grade schemes (letters vs pass labels) only crossing the pass mark counts as moving up or down.",
    ),
    "movers": ("หน่วยงานที่เปลี่ยนระดับ", "Agencies that moved"),
    "direction": ("ทิศทาง", "Direction"),
    "moved_up": ("ดีขึ้น", "Up"),
    "moved_down": ("ลดลง", "Down"),
    "fell_below_pass": ("ต่ำกว่าเกณฑ์ผ่าน", "Fell below the pass mark"),
    "choose_indicators": ("ตัวชี้วัด (ว่าง = ทั้งหมด)", "Indicators (empty = all)"),
    "threshold": ("เกณฑ์คะแนน", "Threshold"),
    "group_by": ("แบ่งกลุ่มตาม", "Group by"),
    "points_lost": ("คะแนนที่เสียไปต่อคะแนนรวม", "Points lost from the overall score"),
    "points_lost_note": (
        "คะแนนที่เสีย = น้ำหนักเครื่องมือ ÷ จำนวนตัวชี้วัดในเครื่องมือ × (100 − คะแนน) เฉลี่ยต่อหน่วยงาน",
        "Points lost = instrument weight ÷ indicators in the instrument × (100 − score), mean per agency",
    ),
    "mean_points_lost": ("คะแนนที่เสียเฉลี่ย", "Mean points lost"),
    "indicator_weight": ("น้ำหนัก", "Weight"),
    "distribution": ("การกระจายคะแนนรายตัวชี้วัด", "Indicator score distribution"),
    "distribution_note": (
        "กล่อง = ควอร์ไทล์ที่ 1–3 เส้นกลาง = มัธยฐาน หนวด = ต่ำสุด–สูงสุด",
        "Box = 1st–3rd quartile, line = median, whiskers = minimum–maximum",
    ),
    "below_threshold": ("หน่วยงานที่ต่ำกว่าเกณฑ์", "Agencies below the threshold"),
    "below_threshold_count": (
        "{total} รายการ (หน่วยงาน × ตัวชี้วัด) ต่ำกว่า {threshold} · แสดง {shown} รายการแรก เรียงตามจำนวนปีติดต่อกัน",
        "{total} agency–indicator pairs below {threshold} · showing the first {shown}, longest streak first",
    ),
    "count_years_below": ("ต่ำกว่าเกณฑ์ติดต่อกัน (ปี)", "Consecutive years below"),
    "first_year_below": ("ตั้งแต่ปี", "Since"),
    "count_below": ("จำนวนที่ต่ำกว่าเกณฑ์", "Below threshold"),
    "min_score": ("ต่ำสุด", "Minimum"),
    "max_score": ("สูงสุด", "Maximum"),
    "q1_score": ("ควอร์ไทล์ที่ 1", "1st quartile"),
    "q3_score": ("ควอร์ไทล์ที่ 3", "3rd quartile"),
    "from_label": ("ระดับปีต้นทาง", "From label"),
    "to_label": ("ระดับปีปลายทาง", "To label"),
    "from_score": ("คะแนนปีต้นทาง", "From score"),
    "to_score": ("คะแนนปีปลายทาง", "To score"),
    "ov_tab_map": ("แผนที่", "Map"),
    "ov_tab_attention": ("ต้องติดตาม", "Needs attention"),
    "map_title": ("จังหวัดทั่วประเทศ ปี {year}", "Provinces, {year}"),
    "map_colour_by": ("ระบายสีตาม", "Colour by"),
    "map_indicator_mean": ("ค่าเฉลี่ยตัวชี้วัด {no}", "Mean of indicator {no}"),
    "map_no_result": ("ไม่มีผล", "no result"),
    "map_note": (
        "หนึ่งช่องต่อหนึ่งจังหวัด วางตามตำแหน่งบนแผนที่ประเทศไทย (ทิศเหนืออยู่บน) · สีไล่จากน้ำเงินเข้ม (ต่ำสุด {low}) "
        "ถึงเหลือง (สูงสุด {high}) · สีเทา = ไม่มีผลในขอบเขตที่เลือก · คลิกจังหวัดเพื่อเลือกจังหวัดนั้นในตัวกรอง",
        "One tile per province, placed as on a map of Thailand (north at the top) · colours run from dark blue "
        "(lowest, {low}) to yellow (highest, {high}) · grey = no result in the chosen scope · click a province "
        "to filter by it",
    ),
    "map_grid_source": (
        "ตำแหน่งช่องจาก gridmap-layout-thailand (MIT, © 2016 Krist Wongsuphasawat)",
        "Tile positions from gridmap-layout-thailand (MIT, © 2016 Krist Wongsuphasawat)",
    ),
    "thin_years": ("ปีที่มีผลน้อย (ไม่ต่อเส้น)", "Thinly covered year (off the line)"),
    "thin_years_note": (
        "ปี {years} มีผลการประเมินน้อยกว่าครึ่งหนึ่งของจำนวนหน่วยงานต่อปีตามปกติในขอบเขตนี้ จึงแสดงเป็นจุดแยก ไม่นำมาต่อเส้น",
        "{years}: fewer than half the agencies this scope usually has were assessed, so the year is drawn as a "
        "separate point, off the line.",
    ),
    "agencies_short": ("หน่วยงาน", "agencies"),
    "att_title": ("หน่วยงานที่ต้องติดตาม ปี {year}", "Agencies needing attention, {year}"),
    "att_reason": ("เหตุ", "Reason"),
    "att_detail": ("รายละเอียด", "Detail"),
    "att_open": ("เปิดหน้าหน่วยงาน", "Open the agency"),
    "att_link": ("หน้าหน่วยงาน", "Agency page"),
    "att_counts": (
        "จำนวนหน่วยงานตามเหตุ (คลิกเพื่อแสดงเฉพาะเหตุนั้น)",
        "Agencies by reason (click one to show only those)",
    ),
    "att_none": ("ไม่พบหน่วยงานที่ต้องติดตามในขอบเขตนี้", "Nothing needs attention in this scope."),
    "att_rows": (
        "แสดง {shown} แถวแรก จากทั้งหมด {total} แถว · ไฟล์ CSV มีทุกแถว",
        "Showing the first {shown} of {total} rows · the CSV holds them all",
    ),
    "att_note": (
        "หนึ่งแถวต่อหนึ่งหน่วยงานต่อหนึ่งเหตุ · คลิกหัวคอลัมน์เพื่อเรียง · มาตรการเลยกำหนด = วันสิ้นสุดก่อนวันนี้ ({today}) "
        "และยังไม่รายงานว่าดำเนินการแล้วเสร็จ · ตัวชี้วัดที่อ่อน = ต่ำกว่าเกณฑ์ในปีก่อนและไม่มีมาตรการของปีนี้มุ่งแก้",
        "One row per agency and reason · click a column heading to sort · overdue = end date before today "
        "({today}) and not reported done · weak = below the pass mark the year before and targeted by no "
        "measure of this year",
    ),
    "att_download": ("ดาวน์โหลดรายการ (CSV)", "Download the list (CSV)"),
    "reason_below_pass": ("ต่ำกว่าเกณฑ์ผ่าน", "Below the pass mark"),
    "reason_grade_dropped": ("ระดับลดลง", "Grade or band dropped"),
    "reason_weak_untargeted": ("จุดอ่อนที่ไม่มีมาตรการ", "Weak indicator, no measure"),
    "reason_overdue_measures": ("มาตรการเลยกำหนด", "Measures overdue"),
    "reason_parse_warnings": ("เอกสารมีคำเตือน", "Document warnings"),
    "detail_below_pass": ("คะแนน {score} ({label})", "Score {score} ({label})"),
    "detail_grade_dropped": (
        "{before} → {after} (คะแนน {before_score} → {score})",
        "{before} → {after} (score {before_score} → {score})",
    ),
    "detail_weak_untargeted": ("ตัวชี้วัด {indicators}", "Indicators {indicators}"),
    "detail_overdue_measures": ("{count} มาตรการ ครบกำหนดตั้งแต่ {date}", "{count} measures, due since {date}"),
    "detail_parse_warnings": ("{count} คำเตือน ใน {documents}", "{count} warnings in {documents}"),
    "national_source": (
        "ค่าของประเทศจากการประกาศผล ITA ของสำนักงาน ป.ป.ช. (ปี 2565 และ 2567 คำนวณจากการเปลี่ยนแปลงที่ประกาศ)",
        "National figures from NACC's ITA announcements (2565 and 2567 derived from the announced changes).",
    ),
    # --- the province brief (python -m ita brief, the Overview's download) ------------------------------
    "brief_title": (
        "สรุปผล ITA จังหวัด{province} ปีงบประมาณ {year}",
        "ITA brief: {province}, fiscal year {year}",
    ),
    "brief_made": ("จัดทำเมื่อ {date} จากแดชบอร์ด ITA ท้องถิ่น", "Made on {date} from the Local ITA dashboard"),
    "brief_last_year": ("ปีก่อน", "Last year"),
    "brief_national": ("ทั้งประเทศ (ป.ป.ช.)", "National (NACC)"),
    "brief_grades": ("ระดับผลการประเมิน ปีนี้และปีก่อน", "Grades this year and last"),
    "brief_weakest": ("3 ตัวชี้วัดที่คะแนนเฉลี่ยต่ำสุด", "The three weakest indicators"),
    "brief_follow_through": ("ความคืบหน้าของมาตรการปี {year}", "Follow-through of the {year} measures"),
    "brief_measures_total": (
        "{measures} มาตรการ จาก {agencies} หน่วยงานที่มีเอกสาร",
        "{measures} measures of {agencies} agencies with documents",
    ),
    "brief_red_flags": ("จุดอ่อนที่ไม่มีมาตรการมุ่งแก้", "Weak indicators no measure targets"),
    "brief_red_flags_count": (
        "{count} รายการ (หน่วยงาน × ตัวชี้วัด) ต่ำกว่าเกณฑ์ในปี {previous} แต่ไม่มีมาตรการปี {year} มุ่งแก้ · คะแนนต่ำสุด:",
        "{count} agency–indicator pairs below the pass mark in {previous} that no {year} measure targets · the "
        "lowest:",
    ),
    "brief_ranking": (
        "อันดับหน่วยงานในจังหวัด พร้อมการเปลี่ยนแปลงจากปีก่อน",
        "The province's agencies ranked, with their change since last year",
    ),
    "brief_all_agencies": ("ทั้งหมด {count} หน่วยงาน", "All {count} agencies"),
    "brief_top_bottom": (
        "{shown} อันดับแรกและ {shown} อันดับสุดท้าย จาก {count} หน่วยงาน · รายการเต็มอยู่ในหน้าเปรียบเทียบหน่วยงาน",
        "The top {shown} and the bottom {shown} of {count} agencies · the full list is on the Compare page",
    ),
    "brief_sources": ("ที่มาของข้อมูล", "Where the data comes from"),
    "brief_notes": (
        "เกณฑ์ผ่าน {mark} คะแนน ตามกรอบการประเมินปี {year} · ค่าของประเทศจากการประกาศผลของสำนักงาน ป.ป.ช. · "
        "จุดอ่อน = ตัวชี้วัดที่ต่ำกว่าเกณฑ์ในปีก่อน ซึ่งมาตรการของปีนี้ตอบ",
        "Pass mark {mark}, from the {year} framework · national figures from NACC's announcements · weak = "
        "below the pass mark the year before, the result this year's measures answer",
    ),
    "brief_download": ("ดาวน์โหลดสรุปจังหวัด (HTML พิมพ์ได้ 2 หน้า)", "Download the province brief (printable HTML)"),
    # --- follow-through, agency and data pages -------------------------------------------------------
    "col_no": ("ลำดับ", "No."),
    "col_title": ("มาตรการ", "Measure"),
    "col_group": ("กลุ่ม/ประเด็น", "Group"),
    "col_status": ("สถานะ", "Status"),
    "col_start": ("เริ่ม", "Start"),
    "col_end": ("สิ้นสุด", "End"),
    "col_responsible": ("ผู้รับผิดชอบ", "Responsible"),
    "col_targets": ("ตัวชี้วัดเป้าหมาย", "Target indicators"),
    "col_result": ("ผลการดำเนินการ", "Result"),
    "col_document": ("เอกสาร", "Document"),
    "col_lines": ("บรรทัด", "Lines"),
    "src_lines": ("บรรทัด", "lines"),
    "src_page": ("หน้า", "page"),
    "src_pages": ("หน้า", "pages"),
    "col_ocr_confidence": ("ความมั่นใจ OCR", "OCR confidence"),
    "doc_original": ("ต้นฉบับ {name} (ตัวเลขอยู่{where})", "Original {name} (figures on {where})"),
    "dt_ocr_review": ("ข้อมูลที่อ่านด้วย OCR ซึ่งควรตรวจทาน", "OCR fields to check"),
    "dt_ocr_review_note": (
        "ตัวเลขและวันที่จากหน้าสแกนที่ OCR อ่านได้ไม่มั่นใจ {total} รายการ: เทียบกับต้นฉบับตามหน้าที่ระบุ",
        "{total} numbers and dates OCR read with low confidence from scanned pages: check them against the original at the page named",
    ),
    "dt_no_ocr_review": ("ไม่มีข้อมูลจาก OCR ที่ต้องตรวจทาน", "No OCR field needs checking."),
    "outcome_carried_forward": ("ดำเนินการต่อเนื่อง", "Carried forward"),
    "outcome_completed": ("เสร็จสิ้น", "Completed"),
    "outcome_dropped": ("ยุติโดยยังไม่เสร็จ", "Dropped"),
    "outcome_new": ("มาตรการใหม่", "New"),
    "kind_measures": ("มาตรการ", "Measures plan"),
    "kind_progress_6_months": ("รายงานรอบ 6 เดือน", "Six-month report"),
    "kind_progress_year_end": ("รายงานสิ้นปี", "Year-end report"),
    "kind_progress": ("รายงานผล", "Progress report"),
    "kind_analysis": ("การวิเคราะห์ผล ITA", "ITA analysis"),
    "kind_score_sheet": ("ตารางคะแนน", "Score sheet"),
    "warn_document": ("คำเตือนจากเอกสาร", "Document warning"),
    "warn_score_mismatch": ("คะแนนรวมไม่ตรงกับตัวชี้วัด", "Overall ≠ indicators"),
    "doc_kind": ("ประเภทเอกสาร", "Kind"),
    "doc_used_for": ("ใช้เป็นแหล่งของ", "Source of"),
    "doc_scores": ("คะแนน", "scores"),
    "doc_measures": ("มาตรการ", "measures"),
    "doc_imported_at": ("นำเข้าเมื่อ", "Imported at"),
    "doc_is_current": ("ฉบับปัจจุบัน", "Current"),
    "ft_no_measures": (
        "ไม่พบมาตรการของปีงบประมาณ {year} ในขอบเขตที่เลือก",
        "No measures on file for fiscal year {year} in the chosen scope.",
    ),
    "ft_count_measures": ("จำนวนมาตรการ", "Measures"),
    "ft_count_agencies": ("หน่วยงานที่มีมาตรการ", "Agencies with measures"),
    "ft_tab_year": ("สถานะและเป้าหมาย", "Status and targets"),
    "ft_tab_red_flags": ("จุดอ่อนที่ไม่มีมาตรการ", "Weak, not targeted"),
    "ft_tab_change": ("คะแนนปีถัดไป", "Next-year change"),
    "ft_tab_continuity": ("ความต่อเนื่อง", "Continuity"),
    "ft_measures_of": ("มาตรการปี {year}", "Measures of {year}"),
    "ft_red_flags": (
        "ตัวชี้วัดที่อ่อนในปี {previous} แต่ไม่มีมาตรการปี {year} มุ่งแก้",
        "Weak in {previous}, targeted by no measure of {year}",
    ),
    "ft_red_flags_note": (
        "ตัวชี้วัดที่ได้ต่ำกว่า {pass_mark} ในปี {previous} ของหน่วยงานที่มีเอกสารมาตรการปี {year} "
        "แต่ไม่มีมาตรการใดของหน่วยงานนั้นมุ่งแก้ (หน่วยงานที่ไม่มีเอกสารมาตรการไม่อยู่ในรายการนี้)",
        "Indicators below {pass_mark} in {previous} at agencies whose {year} measures are on file, yet targeted by none "
        "of their measures. Agencies without a measures document are not listed.",
    ),
    "ft_no_red_flags": (
        "ไม่พบ: ทุกตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่านมีมาตรการมุ่งแก้ หรือไม่มีคะแนนปีก่อนในขอบเขตนี้",
        "None: every indicator below the pass mark is targeted by a measure, or the year before has no scores in this scope.",
    ),
    "ft_first_rows": (
        "แสดง {shown} รายการที่คะแนนต่ำสุด จากทั้งหมด {total} รายการ",
        "Showing the {shown} weakest of {total}",
    ),
    "ft_by_target": ("มาตรการจำแนกตามตัวชี้วัดเป้าหมาย", "Measures by target indicator"),
    "ft_not_linked": ("ไม่ระบุตัวชี้วัด", "No indicator linked"),
    "ft_primary": ("เป้าหมายหลัก", "Primary target"),
    "ft_secondary": ("เป้าหมายรอง", "Secondary target"),
    "ft_continuity": (
        "มาตรการต่อเนื่อง เสร็จสิ้น ยุติ และใหม่ รายปี",
        "Measures carried forward, completed, dropped and new, by year",
    ),
    "ft_continuity_note": (
        "เทียบมาตรการของหน่วยงานเดียวกันระหว่างปีก่อนกับปีนั้น (เฉพาะหน่วยงานที่มีเอกสารทั้งสองปี): "
        "ตัวชี้วัดเป้าหมายหลักเดียวกันและชื่อมาตรการตรงกันอย่างน้อยครึ่งหนึ่งของคำ = ต่อเนื่อง · "
        "มาตรการปีก่อนที่ไม่ปรากฏอีกและดำเนินการแล้วเสร็จ = เสร็จสิ้น · ไม่ปรากฏอีกและยังไม่เสร็จหรือไม่ระบุสถานะ "
        "= ยุติ · มีเฉพาะปีนั้น = ใหม่",
        "Each agency's measures of the year before are compared with the year's own (agencies with documents "
        "in both years only): same primary target indicator and at least half of the title words shared = "
        "carried forward · a measure of the year before that does not reappear and was done = completed · "
        "not reappearing and not done, or no status stated = dropped · only in the year = new",
    ),
    "ft_no_continuity": (
        "ยังไม่มีหน่วยงานที่มีเอกสารมาตรการสองปีติดกันในขอบเขตนี้",
        "No agency in this scope has measures on file for two consecutive years.",
    ),
    "ft_outcome": ("ผล", "Outcome"),
    "ft_change": (
        "การเปลี่ยนแปลงของตัวชี้วัดที่อ่อน จากปี {previous} ถึง {year}",
        "Change of weak indicators from {previous} to {year}",
    ),
    "ft_targeted": ("มีมาตรการมุ่งแก้", "Targeted by a measure"),
    "ft_untargeted": ("ไม่มีมาตรการมุ่งแก้", "Not targeted"),
    "ft_change_help": (
        "เฉลี่ยจาก {count} คู่ (หน่วยงาน × ตัวชี้วัด): {before} → {after}",
        "Mean over {count} agency–indicator pairs: {before} → {after}",
    ),
    "ft_change_note": (
        "ตัวเลขนี้แสดงความสัมพันธ์ ไม่ใช่ผลของมาตรการ: คะแนนที่ต่ำมักสูงขึ้นในปีถัดไปอยู่แล้ว (การถดถอยสู่ค่าเฉลี่ย) "
        "และหน่วยงานที่เลือกมุ่งแก้ตัวชี้วัดใดอาจต่างจากหน่วยงานอื่นในด้านอื่นด้วย",
        "An association, not the effect of the measures: low scores tend to rise the next year anyway "
        "(regression to the mean), and agencies that target an indicator may differ from others in other ways.",
    ),
    "ft_no_change": (
        "ไม่มีตัวชี้วัดที่ต่ำกว่าเกณฑ์ผ่านในปีก่อน ของหน่วยงานที่มีมาตรการในขอบเขตนี้",
        "No indicator below the pass mark in the year before at agencies with measures in this scope.",
    ),
    "ft_mean_change": ("การเปลี่ยนแปลงเฉลี่ย", "Mean change"),
    "ft_median_change": ("การเปลี่ยนแปลงมัธยฐาน", "Median change"),
    "ft_count_weak": ("จำนวนคู่ที่อ่อน", "Weak pairs"),
    "ft_count_with_next": ("มีคะแนนปีถัดไป", "With next-year score"),
    "ft_group": ("กลุ่ม", "Group"),
    "ft_list": ("รายการมาตรการ", "Measure list"),
    "ft_search": ("ค้นหาชื่อมาตรการหรือหน่วยงาน", "Search measure titles or agencies"),
    "ft_search_hint": ("เช่น เปิดเผยข้อมูล", "e.g. เปิดเผยข้อมูล"),
    "ft_rows": ("แถว {first}–{last} จาก {total}", "Rows {first}–{last} of {total}"),
    "ag_search": ("ค้นหาหน่วยงาน (พิมพ์ส่วนหนึ่งของชื่อ)", "Find an agency (type part of its Thai name)"),
    "ag_search_hint": ("เช่น นครราชสีมา", "e.g. นครราชสีมา"),
    "ag_no_match": ("ไม่พบหน่วยงานที่ชื่อตรงกัน", "No agency name matches."),
    "ag_first_matches": (
        "แสดง {count} รายการแรก พิมพ์ชื่อให้ละเอียดขึ้นเพื่อจำกัดผล",
        "Showing the first {count} matches: type more of the name to narrow them.",
    ),
    "ag_pick": ("เลือกหน่วยงาน", "Choose an agency"),
    "ag_tab_scores": ("คะแนน", "Scores"),
    "ag_tab_instruments": ("รายเครื่องมือ", "By instrument"),
    "ag_tab_measures": ("มาตรการ", "Measures"),
    "ag_tab_documents": ("เอกสาร", "Documents"),
    "ag_pick_prompt": (
        "พิมพ์ชื่อหน่วยงานด้านบนแล้วเลือกจากรายการ",
        "Type part of an agency's name above, then choose it from the list.",
    ),
    "ag_synthetic_hidden": (
        "หน่วยงานนี้เป็นข้อมูลจำลอง เลือก “ข้อมูลจริงและข้อมูลจำลอง” ในช่อง “ข้อมูลที่แสดง” ที่แถบด้านข้างเพื่อดู",
        "This agency is synthetic demo data: choose “Real and synthetic” under “Data shown” in the sidebar to "
        "see it.",
    ),
    "ag_real_badge": ("ข้อมูลจริงจากเอกสาร", "Real, from documents"),
    "ag_other_spellings": ("ชื่อที่พบในเอกสาร", "Also written as"),
    "ag_province_inferred": (
        "จังหวัดอนุมานจากชื่อสถานที่ (เอกสารไม่ระบุ)",
        "Province inferred from the place name (the document does not state it).",
    ),
    "ag_trend": ("คะแนนรวมรายปี", "Overall score by year"),
    "ag_no_scores": ("ยังไม่มีผลการประเมินของหน่วยงานนี้", "No assessment of this agency on file."),
    "ag_no_result_year": (
        "หน่วยงานนี้ไม่มีผลการประเมินในปี {year} · แสดงผลล่าสุด ปี {latest}",
        "This agency has no result in {year}; showing its latest, {latest}.",
    ),
    "ag_years_assessed": ("จำนวนปีที่มีผล", "Years assessed"),
    "ag_computed": ("คำนวณจากตัวชี้วัด", "Computed from indicators"),
    "ag_mismatch": (
        "คะแนนรวมที่เอกสารระบุต่างจากที่คำนวณจากตัวชี้วัด ในปี {years}",
        "The quoted overall differs from the one computed from the indicators in {years}.",
    ),
    "ag_indicators": ("ตัวชี้วัดปี {year} เทียบกลุ่มเดียวกันและจังหวัด", "Indicators {year} against peers and province"),
    "ag_no_indicators": (
        "ไม่มีคะแนนรายตัวชี้วัดของหน่วยงานนี้ในปี {year}",
        "No indicator scores for this agency in {year}.",
    ),
    "ag_this_agency": ("หน่วยงานนี้", "This agency"),
    "ag_province_median": ("มัธยฐานจังหวัด", "Province median"),
    "ag_count_province": ("จำนวนในจังหวัด", "Agencies in province"),
    "ag_peer_note": (
        "กลุ่มเดียวกัน = หน่วยงานประเภทเดียวกันในจังหวัดเดียวกัน ({peers} แห่ง) · จังหวัด = ทุกหน่วยงานในจังหวัด "
        "({province} แห่ง)",
        "Peers = agencies of the same type in the same province ({peers}) · province = every agency in the "
        "province ({province}).",
    ),
    "ag_instruments": ("คะแนนรายเครื่องมือ (IIT / EIT / OIT)", "Instrument scores (IIT / EIT / OIT)"),
    "ag_measures": ("มาตรการรายปีและสถานะ", "Measures by year and status"),
    "ag_no_measures": ("ยังไม่มีเอกสารมาตรการของหน่วยงานนี้", "No measures document of this agency on file."),
    "ag_timeline": ("ระยะเวลาดำเนินการ", "Periods"),
    "ag_period": ("ช่วงเวลา", "Period"),
    "ag_no_periods": ("เอกสารไม่ระบุระยะเวลาของมาตรการ", "The documents give no periods for these measures."),
    "ag_undated": (
        "{count} มาตรการไม่ระบุระยะเวลา จึงไม่แสดงในแผนภูมิ",
        "{count} measures give no period and are not drawn.",
    ),
    "ag_measure_list": ("รายการมาตรการทั้งหมด", "All measures"),
    "ag_documents": ("เอกสารที่มาของตัวเลข", "Documents behind the figures"),
    "dt_scope_note": (
        "หน้านี้แสดงทั้งฐานข้อมูล ตัวกรองปี พื้นที่ และประเภทไม่มีผล ยกเว้น “ข้อมูลที่แสดง”",
        "This page covers the whole database: the year, place and type filters do not apply; “Data shown” "
        "does.",
    ),
    "dt_documents": ("เอกสาร", "Documents"),
    "dt_agencies": ("หน่วยงาน", "Agencies"),
    "dt_assessments": ("ผลการประเมิน", "Assessments"),
    "dt_years": ("ปีงบประมาณ", "Fiscal years"),
    "dt_tab_loaded": ("ข้อมูลที่มี", "What is loaded"),
    "dt_tab_recent": ("นำเข้าล่าสุด", "Recent imports"),
    "dt_tab_warnings": ("ผลการตรวจสอบ", "Checks"),
    "dt_tab_downloads": ("ดาวน์โหลด", "Downloads"),
    "dt_tab_import": ("นำเข้าเอกสาร", "Import"),
    "dt_by_kind": ("เอกสารตามประเภท", "Documents by kind"),
    "dt_by_year": ("หน่วยงานที่มีคะแนนรายปี", "Agencies scored per year"),
    "dt_origin": ("ที่มา", "Origin"),
    "dt_current": ("ฉบับปัจจุบัน", "Current"),
    "dt_superseded": ("ถูกแทนที่", "Superseded"),
    "dt_scored": ("หน่วยงานที่มีคะแนน", "Agencies scored"),
    "dt_with_measures": ("หน่วยงานที่มีมาตรการ", "Agencies with measures"),
    "dt_recent": ("เอกสารที่นำเข้าล่าสุด", "Recently imported documents"),
    "dt_count_warnings": ("คำเตือน", "Warnings"),
    "dt_upload": ("นำเข้าเอกสารและตารางคะแนน", "Import documents and score sheets"),
    "dt_upload_disabled": (
        "การนำเข้าปิดอยู่จนกว่าผู้ดูแลระบบจะตั้งรหัสผ่าน (admin_password ใน Streamlit secrets หรือตัวแปร "
        "ITA_ADMIN_PASSWORD) ผู้ใช้ทั่วไปดูข้อมูลได้อย่างเดียว",
        "Uploads are disabled until an administrator password is configured (admin_password in Streamlit "
        "secrets or the ITA_ADMIN_PASSWORD variable). Viewers can only read.",
    ),
    "dt_password": ("รหัสผ่านผู้ดูแลระบบ", "Administrator password"),
    "dt_wrong_password": ("รหัสผ่านไม่ถูกต้อง", "Wrong password."),
    "dt_upload_note": (
        "รับไฟล์ {types} ไม่เกิน {mb} MB ต่อไฟล์ ตรวจสอบแบบเดียวกับคำสั่ง python -m ita import",
        "Accepts {types}, up to {mb} MB each, checked as python -m ita import checks them.",
    ),
    "dt_files": ("ไฟล์", "Files"),
    "dt_import": ("นำเข้า", "Import"),
    "dt_importing": ("กำลังนำเข้า…", "Importing…"),
    "building_database": (
        "กำลังสร้างฐานข้อมูลจาก data/ (ครั้งแรกที่เปิดเท่านั้น)…",
        "Building the database from data/ (first start only)…",
    ),
    "dt_page_read": ("อ่านหน้า {page} จาก {pages}", "page {page} of {pages} read"),
    "dt_page_read_ocr": ("อ่านหน้า {page} จาก {pages} (ภาพสแกน)", "page {page} of {pages} read (scan, OCR)"),
    "dt_warnings": ("ผลการตรวจสอบข้อมูล", "Validation warnings"),
    "dt_no_warnings": ("ไม่มีคำเตือน", "No warnings."),
    "dt_warning": ("คำเตือน", "warning"),
    "dt_warnings_count": ("คำเตือนทั้งหมด {total} รายการ (แสดง {shown})", "{total} warnings ({shown} shown)"),
    "dt_unread_rows": ("เอกสารที่มีแถวตารางที่ไม่ได้อ่าน", "Documents with table rows not read"),
    "dt_unread_rows_note": (
        "แถวที่ข้ามพร้อมคำเตือนมีเลขบรรทัดและเหตุผลในรายการคำเตือนด้านบน "
        "แถวที่ไม่มีกฎใดอธิบายได้คือแถวที่ตัวอ่านเอกสารพลาด ควรตรวจสอบกับต้นฉบับ",
        "Rows skipped with a warning have their line and reason in the warnings above. Rows no rule explained "
        "are rows the parser missed: check them against the original.",
    ),
    "dt_no_unread_rows": ("ทุกแถวของตารางในเอกสารถูกอ่านแล้ว", "Every table row of every document was read."),
    "dt_rows_read": ("แถวตาราง", "Table rows"),
    "dt_rows_warned": ("ข้ามพร้อมคำเตือน", "Skipped with a warning"),
    "dt_rows_unexplained": ("ไม่มีกฎอธิบาย", "Unexplained"),
    "dt_unexplained_lines": ("บรรทัดที่ไม่มีกฎอธิบาย", "Unexplained lines"),
    "dt_check": ("การตรวจสอบ", "Check"),
    "dt_message": ("รายละเอียด", "Message"),
    "dt_downloads": ("ดาวน์โหลดข้อมูล", "Download the data"),
    "dt_downloads_note": (
        "ไฟล์สร้างเมื่อกดปุ่ม ข้อมูลทั้งประเทศอาจใช้เวลาสักครู่",
        "Files are built when you click, which can take a moment for the national data.",
    ),
    "dt_view_assessments": ("ผลการประเมิน หนึ่งแถวต่อหน่วยงานต่อปี", "one row per agency and year"),
    "dt_view_indicator_scores": ("คะแนนรายตัวชี้วัด", "one row per agency, year and indicator"),
    "dt_view_measures": (
        "มาตรการ พร้อมตัวชี้วัดเป้าหมายและบรรทัดในเอกสาร",
        "one row per measure, with target indicators and source lines",
    ),
    "dt_full_plotly": (
        "กราฟใช้ plotly.js ฉบับเต็มที่มากับแพ็กเกจ plotly เพราะตอนติดตั้งดาวน์โหลดชุดกราฟขนาดเล็ก (cartesian) "
        "จาก npm ไม่ได้ หน้าจึงเปิดช้ากว่าปกติ: รัน make setup บนเครื่องที่เข้าถึง registry.npmjs.org ได้",
        "Charts are drawn with the full plotly.js shipped in the plotly package, because setup could not fetch "
        "the smaller cartesian bundle from npm: pages open more slowly. Run make setup where registry.npmjs.org "
        "can be reached.",
    ),
    "dt_log_axis": ("จำนวน (สเกลลอการิทึม)", "Count (log scale)"),
    "col_iit": ("IIT", "IIT"),
    "col_eit": ("EIT", "EIT"),
    "col_oit": ("OIT", "OIT"),
    "col_target_evidence": ("เหตุที่เชื่อมกับตัวชี้วัด (คำที่พบ)", "Why these indicators (words found)"),
}


def lang() -> str:
    """The interface language the user chose: 'th' (default) or 'en'."""
    return st.session_state.get("lang", "th")


def t(key: str) -> str:
    return text(key, lang())


def text(key: str, language: str) -> str:
    """A label in the given language ('th' or 'en'), for output made outside a session (the brief)."""
    th, en = TEXT[key]
    return en if language == "en" else th


def agency_type(code: str) -> str:
    th, en = AGENCY_TYPES.get(code, (code, code))
    return en if lang() == "en" else th


def status(code: str | None) -> str:
    th, en = STATUSES[code or "unknown"]
    return en if lang() == "en" else th


def indicator(no: int, name_th: str, name_en: str) -> str:
    return f"{no}. {name_en if lang() == 'en' else name_th}"
