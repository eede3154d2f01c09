import JuesuanAnalysis
import JuesuanModel

/// A narrative amount (万元) differs from the table figure it names: by subject code, by a chain of
/// 类/款/项 names, or by a known total (收入总计, 基本支出, 人员经费, “三公”经费…).
struct NarrativeNumberRule: Rule {
  static let description = RuleDescription(
    code: "xref/narrative-number",
    summary: "情况说明中的金额应与其所指的表中数一致。",
    rationale:
      "按科目编码、“（类）（款）（项）”名称或收入总计、基本支出、人员经费、“三公”经费等固定口径，把叙述中的万元金额对到表中单元格；"
      + "逐项说明（“2、…（类）…（款）…（项）。主要用于：…，支出决算为 B 万元”，项名可在单独一行）中的决算数对到该项；"
      + "预算中逐项说明的“本年预算安排 X 万元”对到该段开头的项（与开头所列数相同时不重复报告），“…（项）2025年预算数为 X 万元”对到该项；"
      + "只在所指唯一、表中单元格可读时比较。上年数、增减额和百分比不在此检查。"
      + "表中该数所在的合计与各项不符、而换成叙述之数即相符（该数参与的其他合计仍相符）时，另在表中该格报告：表中此数有误。"
      + "改为表中数时，由原数算出的增减额、增长率、完成率和占比随之更新（上年数和预算数不变）；无法随之更新时不提供修正。",
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // What 项目支出 comprises is not in the 基本支出 table.
      .init(
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t55.38\n30108\t机关事业单位基本养老保险缴费\t55.38\n\t人员经费合计\t55.38\n\t公用经费合计\t0.00\n\n"
          + "项目支出1,032.60万元，主要包括机关事业单位基本养老保险缴费支出120.00万元等。\n"),
      // A subordinate's figures, and 机关本级's, are not the department's table's.
      .init(
        "# 2023年度某局部门决算\n\n支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t1,240.92\t873.32\t367.60\n213\t农林水支出\t1,240.92\t873.32\t367.60\n\n下属某县农业技术推广中心2023年度本年支出合计380.75万元，其中：基本支出312.45万元，项目支出68.30万元。其中，机关本级基本支出312.45万元，项目支出68.30万元。\n"
      ),
      // 财政拨款's 结转和结余 is not all funds' (the 财政拨款收入支出决算总表 states it; none here).
      .init(
        "# 2023年度示范局部门决算\n\n收入支出决算总表\n单位：万元\n收入\t行次\t金额\t支出\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t900.00\t一、一般公共服务支出\t32\t900.00\n八、其他收入\t8\t100.00\t二、住房保障支出\t33\t100.00\n本年收入合计\t9\t1,000.00\t本年支出合计\t35\t1,000.00\n年初结转和结余\t11\t50.00\t年末结转和结余\t37\t50.00\n总计\t12\t1,050.00\t总计\t38\t1,050.00\n\n2023年度财政拨款年末结转和结余20.00万元，年初结转和结余30.00万元。\n"
      ),
      // The 支出 said after the 收入's figure is no 收入.
      .init(
        "# 2023年度示范局部门决算\n\n收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n\t合计\t1000.00\t900.00\t100.00\n201\t一般公共服务支出\t1000.00\t900.00\t100.00\n\n2023年度财政拨款收入900.00万元，财政拨款支出910.00万元。\n"
      ),
      // One 项's own 财政拨款 part, its code in brackets: not the table's grand total.
      .init(
        "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t710.00\t500.00\t210.00\n2011301\t行政运行\t500.00\t500.00\t0.00\n2011308\t招商引资\t210.00\t0.00\t210.00\n\n招商引资（2011308）支出300.00万元，其中一般公共预算财政拨款支出210.00万元。\n"
      ),
      // 财政拨款's 支出总计, its 财政拨款 said once for both totals: not the total of all funds.
      .init(
        "收入支出决算总表\n单位：万元\n收入\t行次\t金额\t支出\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t900.00\t一、一般公共服务支出\t32\t1000.00\n八、其他收入\t8\t100.00\n本年收入合计\t9\t1000.00\t本年支出合计\t35\t1000.00\n总计\t12\t1000.00\t总计\t38\t1000.00\n\n2023年度财政拨款收入总计900.00万元、支出总计900.00万元。\n"
      ),
      // A 年初预算 column before the 决算数: the narrative's figure is the 决算's.
      .init(
        "# 2023年度示范局部门决算\n\n### 一般公共预算财政拨款支出决算表\n\n单位：万元\n\n科目编码\t科目名称\t年初预算数\t决算数\t基本支出\t项目支出\n合计\t\t96.00\t100.00\t90.00\t10.00\n201\t一般公共服务支出\t96.00\t100.00\t90.00\t10.00\n\n2023年度一般公共预算财政拨款支出100.00万元。\n"
      ),
      // A -layout 收入支出决算总表 whose figures could not all be placed: a row with none states no zero.
      .init(
        "2023年度示范局部门决算\n\n收入支出决算总表\n\n单位：万元\n\n项目                               决算数   项目                     决算数\n一、一般公共预算财政拨款收入       100.00   一、一般公共服务支出     100.00\n二、政府性基金预算财政拨款收入              八、社会保障和就业支出    12.00\n三、国有资本经营预算财政拨款收入            十九、住房保障支出         8.00\n四、事业收入                        20.00\n本年收入合计                       120.00   本年支出合计             120.00\n总计                               120.00   总计                     120.00\n\n2023年度收入总计120.00万元，支出总计120.00万元。\n"
      ),
      // 财政拨款收入预算 is not the 收入预算 of all funds.
      .init(
        "# 示范局2025年部门预算\n\n部门收支总表\n单位：万元\n项目\t预算数\t项目\t预算数\n一、一般公共预算拨款收入\t1100.00\t一、一般公共服务支出\t1200.00\n二、事业收入\t100.00\n本年收入合计\t1200.00\t本年支出合计\t1200.00\n收入总计\t1200.00\t支出总计\t1200.00\n\n2025年财政拨款收入预算1,100.00万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t62.63\t62.63\t\n201\t一般公共服务支出\t62.63\t62.63\t\n20139\t社会工作事务\t62.63\t62.63\t\n2013901\t行政运行\t51.32\t51.32\t\n2013950\t事业运行\t11.31\t11.31\t\n\n具体情况如下。\n\n2、一般公共服务支出（类）社会工作事务（款）事业运行（项）\n                    。\n\n主要用于：事业单位人员支出。全年预算为 17.68 万元，支出决算为 11.31 万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t91,016,775.35\t91,016,775.35\t\n2010301\t行政运行\t91,016,775.35\t91,016,775.35\t\n\n（一）2010301-行政运行9101.68万元，即9,101.68万元，约9102万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t10.00\t\n2010301\t行政运行\t10.00\t10.00\t\n\n（一）2010301-行政运行10.00万元，较上年决算数减少2.00万元。\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n“三公”经费财政拨款支出预算为0.39万元，支出决算为0.05万元。其他国内公务接待支出0.00万元。\n"
      ),
      .init(
        "# 2024年部门预算\n\n2024年部门一般公共预算支出功能分类预算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t250,000\t0\t250,000\n205\t教育支出\t250,000\t0\t250,000\n20599\t其他教育支出\t250,000\t0\t250,000\n2059999\t其他教育支出\t250,000\t0\t250,000\n\n"
          + "9. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2023年当年预算执行数为20.00万元，2024年预算安排25.00万元，比2023年预算执行数增加25.00%。主要原因是：项目调整。\n"
      ),
      .init(
        "# 2024年部门预算\n\n部门“三公”经费和机关运行经费预算表\n单位：万元\n项目\t预算数\n合计\t1.35\n因公出国（境）费\t0.00\n公务接待费\t1.35\n公务用车购置及运行费\t0.00\n公务用车购置费\t0.00\n公务用车运行维护费\t0.00\n机关运行经费\t443.18\n\n"
          + "2024年本部门下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为443.18万元。2023年本部门机关运行经费预算为400.00万元。\n"
      ),
      // A sentence about last year: its figures are not this year's table's.
      .init(
        "财政拨款“三公”经费支出决算表\n单位：万元\n项目\t预算数\t决算数\n合计\t30.00\t20.00\n因公出国（境）费\t0.00\t0.00\n公务用车购置及运行费\t20.00\t15.00\n公务接待费\t10.00\t5.00\n\n"
          + "（二）上年“三公”经费财政拨款支出决算中，因公出国（境）费支出决算 4.00 万元，占 10.00%；公务用车购置及运行费支出决算 24.00 万元，占 60.00%；公务接待费支出决算 12.00 万元，占 30.00%。\n"
      ),
    ],
    triggeringExamples: [
      .init(
        "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t55.38\n30108\t机关事业单位基本养老保险缴费\t55.38\n\t人员经费合计\t55.38\n\t公用经费合计\t0.00\n\n"
          + "人员经费55.38万元，主要包括机关事业单位基本养老保险缴费支出⟦50.38⟧万元。\n"),
      .init(
        "# 2023年度示范局部门决算\n\n收入支出决算总表\n单位：万元\n收入\t行次\t金额\t支出\t行次\t金额\n一、一般公共预算财政拨款收入\t1\t900.00\t一、一般公共服务支出\t32\t900.00\n八、其他收入\t8\t100.00\t二、住房保障支出\t33\t100.00\n本年收入合计\t9\t1,000.00\t本年支出合计\t35\t1,000.00\n年初结转和结余\t11\t50.00\t年末结转和结余\t37\t50.00\n总计\t12\t1,050.00\t总计\t38\t1,050.00\n\n2023年度年末结转和结余⟦20.00⟧万元。\n"
      ),
      .init(
        "# 2023年度示范局部门决算\n\n收入决算表\n单位：万元\n科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入\n\t合计\t1000.00\t900.00\t100.00\n201\t一般公共服务支出\t1000.00\t900.00\t100.00\n\n2023年度财政拨款收入⟦910.00⟧万元，财政拨款支出910.00万元。\n"
      ),
      // A national-template budget's item: "…（项）2025年预算数为 X 万元".
      .init(
        "# 示范局2025年部门预算\n\n2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t620.00\t620.00\t\n201\t一般公共服务支出\t620.00\t620.00\t\n20103\t政府办公厅（室）及相关机构事务\t620.00\t620.00\t\n2010301\t行政运行\t620.00\t620.00\t\n\n1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2025年预算数为⟦630.00⟧万元，比2024年预算增加50.00万元，增长8.62%。\n",
        fixed:
          "# 示范局2025年部门预算\n\n2025年一般公共预算支出表\n单位：万元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t620.00\t620.00\t\n201\t一般公共服务支出\t620.00\t620.00\t\n20103\t政府办公厅（室）及相关机构事务\t620.00\t620.00\t\n2010301\t行政运行\t620.00\t620.00\t\n\n1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2025年预算数为620.00万元，比2024年预算增加40.00万元，增长6.90%。\n"
      ),
      // The national template's "收入、支出决算总计".
      .init(
        "# 2023年度示范局部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t100.00\n本年收入合计\t100.00\t本年支出合计\t100.00\n总计\t100.00\t总计\t100.00\n\n2023年度收入、支出决算总计⟦110.00⟧万元。\n",
        fixed:
          "# 2023年度示范局部门决算\n\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t100.00\n本年收入合计\t100.00\t本年支出合计\t100.00\n总计\t100.00\t总计\t100.00\n\n2023年度收入、支出决算总计100.00万元。\n"
      ),
      // The table's own sum sides with the narrative: the cell is shown wrong too.
      .init(Self.basicExpense(cell: "⟦12.00⟧", total: "30.00", stated: "⟦10.00⟧")),
      // The sum holds with the table's figure: only the narrative is reported.
      .init(Self.basicExpense(cell: "12.00", total: "32.00", stated: "⟦10.00⟧")),
      // "支出" closes the label before 决算数为.
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t10.00\t\n2010301\t行政运行\t10.00\t10.00\t\n\n一般公共预算财政拨款支出决算数为 ⟦12.00⟧ 万元。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t10.00\t10.00\t\n2010301\t行政运行\t10.00\t10.00\t\n\n一般公共预算财政拨款支出决算数为 10.00 万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t62.63\t62.63\t\n201\t一般公共服务支出\t62.63\t62.63\t\n20139\t社会工作事务\t62.63\t62.63\t\n2013901\t行政运行\t51.32\t51.32\t\n2013950\t事业运行\t11.31\t11.31\t\n\n具体情况如下。\n\n2、一般公共服务支出（类）社会工作事务（款）事业运行（项）\n                    。\n\n主要用于：事业单位人员支出。全年预算为 17.68 万元，支出决算为 ⟦11.13⟧ 万元。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t62.63\t62.63\t\n201\t一般公共服务支出\t62.63\t62.63\t\n20139\t社会工作事务\t62.63\t62.63\t\n2013901\t行政运行\t51.32\t51.32\t\n2013950\t事业运行\t11.31\t11.31\t\n\n具体情况如下。\n\n2、一般公共服务支出（类）社会工作事务（款）事业运行（项）\n                    。\n\n主要用于：事业单位人员支出。全年预算为 17.68 万元，支出决算为 11.31 万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t91,016,775.35\t91,016,775.35\t\n2010301\t行政运行\t91,016,775.35\t91,016,775.35\t\n\n（一）2010301-行政运行⟦9101.86⟧万元。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t91,016,775.35\t91,016,775.35\t\n2010301\t行政运行\t91,016,775.35\t91,016,775.35\t\n\n（一）2010301-行政运行9101.68万元。\n"
      ),
      .init(
        "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t33.93\t33.93\t\n2210203\t购房补贴\t33.93\t33.93\t\n\n（十七）2210203-购房补贴⟦21.19⟧万元，较上年增加21.19万元。\n",
        fixed:
          "一般公共预算财政拨款支出决算表\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t33.93\t33.93\t\n2210203\t购房补贴\t33.93\t33.93\t\n\n（十七）2210203-购房补贴33.93万元，较上年增加33.93万元。\n"
      ),
      .init(
        "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n3.公务接待费预算为⟦0.00⟧万元，支出决算为⟦0.00⟧万元。\n",
        fixed:
          "财政拨款“三公”经费支出决算表\n项目\t预算数\t决算数\n合计\t0.39\t0.05\n公务接待费\t0.39\t0.05\n\n3.公务接待费预算为0.39万元，支出决算为0.05万元。\n"
      ),
      .init(
        "# 2024年部门预算\n\n2024年部门一般公共预算支出功能分类预算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t250,000\t0\t250,000\n205\t教育支出\t250,000\t0\t250,000\n20599\t其他教育支出\t250,000\t0\t250,000\n2059999\t其他教育支出\t250,000\t0\t250,000\n\n"
          + "9. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2023年当年预算执行数为20.00万元，2024年预算安排⟦20.50⟧万元，比2023年预算执行数增加25.00%。主要原因是：项目调整。\n",
        fixed:
          "# 2024年部门预算\n\n2024年部门一般公共预算支出功能分类预算表\n单位：元\n科目编码\t科目名称\t合计\t基本支出\t项目支出\n\t合计\t250,000\t0\t250,000\n205\t教育支出\t250,000\t0\t250,000\n20599\t其他教育支出\t250,000\t0\t250,000\n2059999\t其他教育支出\t250,000\t0\t250,000\n\n"
          + "9. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。2023年当年预算执行数为20.00万元，2024年预算安排25.00万元，比2023年预算执行数增加25.00%。主要原因是：项目调整。\n"
      ),
      .init(
        "# 2024年部门预算\n\n部门“三公”经费和机关运行经费预算表\n单位：万元\n项目\t预算数\n合计\t1.35\n因公出国（境）费\t0.00\n公务接待费\t1.35\n公务用车购置及运行费\t0.00\n公务用车购置费\t0.00\n公务用车运行维护费\t0.00\n机关运行经费\t443.18\n\n"
          + "2024年本部门下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为⟦441.38⟧万元。2023年本部门机关运行经费预算为400.00万元。\n",
        fixed:
          "# 2024年部门预算\n\n部门“三公”经费和机关运行经费预算表\n单位：万元\n项目\t预算数\n合计\t1.35\n因公出国（境）费\t0.00\n公务接待费\t1.35\n公务用车购置及运行费\t0.00\n公务用车购置费\t0.00\n公务用车运行维护费\t0.00\n机关运行经费\t443.18\n\n"
          + "2024年本部门下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为443.18万元。2023年本部门机关运行经费预算为400.00万元。\n"
      ),
    ])

  init() {}

  /// A 基本支出 table whose 30101 基本工资 is `cell`, 301 and 人员经费合计 `total`, and a narrative
  /// stating 基本工资 as `stated`.
  private static func basicExpense(cell: String, total: String, stated: String) -> String {
    "一般公共预算财政拨款基本支出决算表\n单位：万元\n科目编码\t科目名称\t决算数\n301\t工资福利支出\t\(total)\n30101\t基本工资\t\(cell)\n"
      + "30102\t津贴补贴\t20.00\n302\t商品和服务支出\t5.00\n30201\t办公费\t5.00\n\t人员经费合计\t\(total)\n\t公用经费合计\t5.00\n\n"
      + "人员经费\(total)万元，主要包括基本工资\(stated)万元、津贴补贴20.00万元。\n"
  }

  static let elements: ReportElements? = [.tables, .paragraphs, .headings]

  /// What a check kept of each paragraph it compared with the tables, for the check after an
  /// edit that left the tables and headings as they were: a paragraph the edit did not touch,
  /// opened by the same item line, is not bound again; what was found in it is moved.
  struct Memo: RuleMemo {
    struct Compared: Sendable {
      /// Where the paragraph is, in the text of that check.
      var range: Range<Int>
      /// The item line read before it (`itemLine(before:in:)`).
      var item: [NarrativeBinder.Glyph]?
      var outcome: RuleOutcome
      /// Each cell the paragraph's figures could show wrong, in order (`reportWrongCell`): whether
      /// a paragraph before had shown it already, and whether this one did.
      var cells: [WrongCell]
    }
    var paragraphs: [Compared] = []

    func moved(across edit: EditedSpan) -> Memo? {
      var moved = self
      for index in paragraphs.indices {
        let compared = paragraphs[index]
        guard let range = edit.moved(compared.range),
          let outcome = compared.outcome.moved(across: edit),
          let cells = NarrativeNumberRule.moved(compared.cells, across: edit)
        else { return nil }
        moved.paragraphs[index].range = range
        moved.paragraphs[index].outcome = outcome
        moved.paragraphs[index].cells = cells
      }
      return moved
    }
  }

  /// A cell a narrative figure could show wrong, where it is, and what became of it.
  struct WrongCell: Sendable {
    var range: Range<Int>
    var shownBefore: Bool
    var shown: Bool
  }

  func check(_ report: Report, context: inout RuleContext) {
    guard report.tables.contains(where: { $0.kind != .unknown && $0.kind != .selfEvaluation }) else {
      context.skip("没有识别出决算表，情况说明中的金额无从对照")
      return
    }
    // Built when a paragraph is first bound.
    var binder: NarrativeBinder?
    // The paragraphs compared before an edit that left the tables and headings as they were.
    let earlier = context.earlier.flatMap { earlier -> (EarlierCheck, Memo)? in
      guard earlier.elementsKept.isSuperset(of: [.tables, .headings]), let memo = earlier.memo as? Memo else {
        return nil
      }
      return (earlier, memo)
    }
    var cursor = 0
    var memo = Memo()
    // The cells already shown wrong by the narrative and a sum together (`reportWrongCell`).
    var wrongCells: Set<Int> = []
    for (paragraphIndex, paragraph) in report.paragraphs.enumerated()
    where paragraph.numbers.contains(where: { $0.unit == .tenThousandYuan }) {
      // Performance sections speak of subsets (self-evaluated projects), not of the tables' totals.
      if let heading = paragraph.headingIndex, heading < report.headings.count,
        report.headings[heading].text.utf8Text.contains("绩效")
      {
        continue
      }
      // "2、…事业运行（项）" on a line of its own, then "主要用于：…支出决算为 B 万元": read as one
      // paragraph, the binder takes the item it opens with as its figures' subject.
      let item = Self.itemLine(before: paragraphIndex, in: report)
      let mark = context.mark
      var cells: [WrongCell] = []
      if let (check, kept) = earlier,
        let compared = Self.compared(paragraph, item: item, in: kept, from: &cursor, before: check),
        let moved = compared.outcome.moved(across: check.edit),
        let movedCells = Self.moved(compared.cells, across: check.edit, against: wrongCells)
      {
        context.adopt(moved.findings, skipped: moved.skipped, checksRun: moved.checksRun)
        cells = movedCells
        for cell in cells where cell.shown { wrongCells.insert(cell.range.lowerBound) }
      } else {
        compare(
          paragraph, item: item, binder: &binder, report: report, wrongCells: &wrongCells, cells: &cells,
          context: &context)
      }
      memo.paragraphs.append(
        Memo.Compared(
          range: paragraph.range, item: item, outcome: context.outcome(since: mark), cells: cells))
    }
    context.memo = memo
  }

  /// What the check before an edit found in `paragraph`, when the edit did not touch it and the
  /// same item line opened it. `cursor`, a position in the memo, only moves forward.
  private static func compared(
    _ paragraph: Paragraph, item: [NarrativeBinder.Glyph]?, in memo: Memo, from cursor: inout Int,
    before earlier: EarlierCheck
  ) -> Memo.Compared? {
    guard let range = earlier.edit.earlier(paragraph.range),
      earlier.report.hasParagraph(at: range, joinedLike: paragraph)
    else { return nil }
    while cursor < memo.paragraphs.count, memo.paragraphs[cursor].range.lowerBound < range.lowerBound { cursor += 1 }
    guard cursor < memo.paragraphs.count, memo.paragraphs[cursor].range == range,
      memo.paragraphs[cursor].item == item
    else { return nil }
    return memo.paragraphs[cursor]
  }

  /// `cells` moved across `edit`, when each was shown wrong before the paragraph then exactly
  /// when it is now (in `wrongCells`, when given): the paragraph then reports the same of them.
  private static func moved(_ cells: [WrongCell], across edit: EditedSpan, against wrongCells: Set<Int>? = nil)
    -> [WrongCell]?
  {
    var moved = cells
    for index in moved.indices {
      guard let range = edit.moved(cells[index].range),
        wrongCells.map({ $0.contains(range.lowerBound) == cells[index].shownBefore }) ?? true
      else { return nil }
      moved[index].range = range
    }
    return moved
  }

  /// Compares the 万元 figures of `paragraph` with the tables the binder reads them in.
  private func compare(
    _ paragraph: Paragraph, item: [NarrativeBinder.Glyph]?, binder built: inout NarrativeBinder?,
    report: Report, wrongCells: inout Set<Int>, cells: inout [WrongCell], context: inout RuleContext
  ) {
    var (chars, positions) = NarrativeFigures.normalizedText(paragraph)
    if let item {
      chars = item + chars
      positions = positions.map { $0.map { $0 + item.count } }
    }
    let binder = built ?? NarrativeBinder(report: report, catalogue: context.catalogue)
    built = binder
    for (index, number) in paragraph.numbers.enumerated() where number.unit == .tenThousandYuan {
      guard let position = positions[index], let binding = binder.bind(chars, before: position),
        // "上年“三公”经费…中，因公出国（境）费 4.00 万元，…": last year's figures.
        !LastYearSentence.holds(paragraph.utf8, before: number.textRange.lowerBound, year: report.year)
      else { continue }
      // A restatement equal to the figure it restates repeats that figure's finding, if any.
      if let mark = binding.restatedMark, let opening = positions.firstIndex(of: mark),
        paragraph.numbers[opening].value.isSameValue(as: number.value)
      {
        continue
      }
      context.ran()
      compare(number, binding, in: paragraph, report: report, wrongCells: &wrongCells, cells: &cells, context: &context)
    }
  }

  private static let item = Array("项".utf8)

  /// The glyphs of the paragraph before paragraph `index` when it only names a 项 ("2、一般公共服务
  /// 支出（类）社会工作事务（款）事业运行（项）", its 。 perhaps a paragraph of its own after it):
  /// no amount or percentage, ending with the level marker; with a 。 at its end.
  private static func itemLine(before index: Int, in report: Report) -> [NarrativeBinder.Glyph]? {
    var before = index - 1
    while before >= 0, Self.isLoneFullStop(report.paragraphs[before]) { before -= 1 }
    // A line that never writes 项 cannot end with "（项）": most are passed over unread.
    guard before >= 0, report.paragraphs[before].utf8.count <= 240,
      UTF8Text.firstOffset(of: Self.item, in: report.paragraphs[before].utf8) != nil,
      report.paragraphs[before].numbers.allSatisfy({ $0.unit == .none })
    else { return nil }
    var (glyphs, _) = NarrativeFigures.normalizedText(report.paragraphs[before])
    if glyphs.last == "。" { glyphs.removeLast() }
    guard glyphs.count >= 6, glyphs.suffix(3).elementsEqual("（项）".unicodeScalars) else { return nil }
    return glyphs + ["。"]
  }

  /// Whether `paragraph` is a 。 alone: its text without white space is "。".
  private static func isLoneFullStop(_ paragraph: Paragraph) -> Bool {
    // A printable ASCII byte or a Han character's first byte is part of neither white space nor
    // 。: most paragraphs are told at their first bytes.
    guard !paragraph.utf8.contains(where: { (0x21...0x7E).contains($0) || (0xE4...0xE9).contains($0) }) else {
      return false
    }
    return paragraph.text.utf8Text.removingWhitespace() == "。"
  }

  private func compare(
    _ number: Paragraph.Number, _ binding: NarrativeBinding, in paragraph: Paragraph, report: Report,
    wrongCells: inout Set<Int>, cells: inout [WrongCell], context: inout RuleContext
  ) {
    let written = number.value
    guard !binding.figures.contains(where: { $0.agrees(with: written) }) else {
      // The narrative agrees with one table: another that writes the subject otherwise may still
      // be shown wrong by its own sums.
      for figure in binding.figures where figure.isKnown && !figure.agrees(with: written) {
        reportWrongCell(
          figure, stated: number, subject: binding.subject, report: report, done: &wrongCells, cells: &cells,
          context: &context)
      }
      return
    }
    guard binding.figures.allSatisfy(\.isKnown) else {
      context.skip("“\(binding.subject)”所在的表未能完整读取，未比较叙述中的 \(written) 万元")
      return
    }
    let digits = NarrativeFigures.digitRange(of: number, in: report.source)
    let stated = binding.figures.map { "\($0.tableTitle) \($0.shown)" }
    // What the narrative should say: the figure itself, or a 元 figure in 万元 to two decimals.
    let stateable = binding.figures.map {
      $0.yuan == nil ? $0.value : Amount(parsing: $0.value.formatted(decimals: 2)) ?? $0.value
    }
    var distinct: [Amount] = []
    for value in stateable where !distinct.contains(where: { $0.isSameValue(as: value) }) {
      distinct.append(value)
    }
    let first = stateable[0]
    let gap = (written - first).magnitude
    var message = "叙述中“\(binding.subject)”为 \(written) 万元，与表中数不符：\(stated.joined(separator: "；"))，相差 \(gap)。"
    var severity: Severity?
    if let truncated = Self.truncation(of: written, by: binding.figures) {
      // A 元 figure cut, not rounded, to the prose's decimals: one rounding step, not an error.
      message += "叙述为截尾：\(truncated) 万元四舍五入应为 \(first)，相差一个尾数单位，建议按四舍五入改正。"
      severity = .information
    } else if gap.tenThousandths <= 100 {
      if let other = Self.otherTableStating(written, for: binding.subject, in: report) {
        // The tables themselves differ by this rounding step: the narrative follows one of them.
        message += "相差仅 0.01：\(other)为 \(written)，与叙述相同，是表与表之间的尾差，建议统一。"
        severity = .information
      } else {
        message += "相差仅 0.01，或为尾差，但表中已列明 \(first)，叙述应与之一致。"
      }
      if binding.subject == "基本支出" || binding.subject == "项目支出" {
        message += alternativeReading(written, report: report)
      }
    }
    let original = report.source.text(in: digits)
    // Read here, for a mismatch only (the statements the figure is part of).
    let reader = NarrativeReader(paragraph, year: report.year)
    let fixes = distinct.compactMap { value -> Fix? in
      // The change, rate or share the figure is part of follows it.
      let (dependents, complete) = Self.dependentEdits(of: number, becoming: value, in: reader)
      guard complete else { return nil }
      return Fix(
        title: "改为表中数 \(value)" + (dependents.isEmpty ? "" : "（并更新由它算出的增减额和百分比）"),
        edits: [TextEdit(range: digits, newText: NarrativeFigures.written(value, like: original))] + dependents,
        isSafe: false,
        isPreferred: distinct.count == 1 && binding.figures.count >= 2)
    }
    context.report(
      digits, Message(message), severity: severity,
      related: binding.figures.map { Finding.Related(range: $0.range, message: "\($0.tableTitle)：\($0.shown)") },
      fixes: fixes)
    guard severity == nil else { return }
    for figure in binding.figures {
      reportWrongCell(
        figure, stated: number, subject: binding.subject, report: report, done: &wrongCells, cells: &cells,
        context: &context)
    }
  }

  /// The cell a narrative figure disagrees with, when the table's own arithmetic sides with the
  /// narrative: a sum the cell is part (or the total) of fails, and holds with the narrative's
  /// figure in its place, while no sum that holds now would break, in a table most of whose sums
  /// hold (a reading that put figures in the wrong columns shows nothing). Two statements then show the
  /// cell wrong: a warning at it, beside the narrative's finding and the sum's.
  private func reportWrongCell(
    _ figure: TableFigure, stated number: Paragraph.Number, subject: String, report: Report, done: inout Set<Int>,
    cells: inout [WrongCell], context: inout RuleContext
  ) {
    // Whether it shows the cell wrong depends on the paragraphs before only through `done`: the
    // cell is logged, for the check after an edit (`Memo`).
    let shownBefore = done.contains(figure.range.lowerBound)
    cells.append(WrongCell(range: figure.range, shownBefore: shownBefore, shown: false))
    guard figure.yuan == nil, figure.isKnown, !shownBefore,
      let table = report.tables.first(where: { $0.range.contains(figure.range.lowerBound) }),
      // A reading whose sums mostly fail may have put figures in the wrong columns: a failing
      // sum there does not show the table wrong. (A table none of whose sums fails has nothing
      // to show: its sums are not gone through.)
      table.reading.failed > 0, table.reading.held > table.reading.failed
    else { return }
    let written = number.value
    // Each identity the cell is in, with its gap once the narrative's figure is put in the cell.
    let involving = table.identities.compactMap { identity -> (identity: TableIdentity, gap: Int64)? in
      if identity.total.range == figure.range { return (identity, (written - identity.sum).tenThousandths) }
      guard let part = identity.parts.first(where: { $0.cell?.range == figure.range }), let cell = part.cell else {
        return nil
      }
      return (identity, (identity.total.value - (identity.sum - cell.value + written)).tenThousandths)
    }
    guard let mended = involving.first(where: { !$0.identity.holds && abs($0.gap) <= $0.identity.tolerance }),
      involving.allSatisfy({ !$0.identity.holds || abs($0.gap) <= $0.identity.tolerance })
    else { return }
    done.insert(figure.range.lowerBound)
    cells[cells.count - 1].shown = true
    let cellText = report.source.text(in: figure.range)
    let newText = NarrativeFigures.written(written, like: cellText)
    context.report(
      figure.range,
      "表中“\(subject)”为 \(cellText)，情况说明写作 \(written) 万元；按 \(written) 计，\(mended.identity.what)与各项之和相符：表中此数有误",
      severity: .warning,
      related: [Finding.Related(range: number.range, message: "情况说明：\(written) 万元")],
      fixes: [Fix(title: "改为 \(newText)", edits: [TextEdit(range: figure.range, newText: newText)])])
  }

  /// The exact 万元 value of a 元 figure that `written` cuts to its decimals (87.708 written 87.70),
  /// when every figure agrees on it; nil otherwise.
  static func truncation(of written: Amount, by figures: [TableFigure]) -> String? {
    guard let first = figures.first, let yuan = first.yuan, figures.allSatisfy({ $0.yuan == yuan }) else { return nil }
    var unit: Int64 = 10_000
    for _ in 0..<min(4, max(0, written.decimals)) { unit /= 10 }
    // yuan × 10,000 is ten-thousandths of a yuan; ÷ 10,000 again, ten-thousandths of 万元, exactly.
    let exact = yuan.tenThousandths  // = the 万元 value × 10^8
    let cut = written.tenThousandths * 10_000
    guard exact >= cut, exact - cut < unit * 10_000, exact != cut else { return nil }
    return Amount(tenThousandths: exact / 100, decimals: 6).formatted(decimals: 4)
  }

  /// The table that states `written` for the subject ("210 卫生健康支出") where the bound table
  /// does not: a row of the same code, or a 01/04 category row of the same name.
  static func otherTableStating(_ written: Amount, for subject: String, in report: Report) -> String? {
    let parts = subject.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].allSatisfy(\.isASCIIDigit) else { return nil }
    let code = String(parts[0])
    let name = String(parts[1])
    // A self-evaluation table states no subject's figure.
    for table in report.tables where table.kind != .selfEvaluation {
      for row in table.rows where row.code == code || (row.code == nil && row.label == name) {
        guard let cell = row.cells.first ?? nil, cell.value.isSameValue(as: written) else { continue }
        return Table.normalizedLabel(table.title)
      }
    }
    return nil
  }

  /// "06 表人员经费 + 公用经费 = written": the other reading of a 基本支出 that is off by 0.01.
  private func alternativeReading(_ written: Amount, report: Report) -> String {
    guard let table = report.table(.basicExpenditure),
      let people = table.row(labelled: "人员经费合计")?.cells.first??.amount,
      let office = table.row(labelled: "公用经费合计")?.cells.first??.amount,
      (people + office).isSameValue(as: written)
    else { return "" }
    return "另：基本支出明细表人员经费 \(people) + 公用经费 \(office) = \(people + office)，与叙述相同。"
  }
}

// A figure corrected to the table's leaves the statement it is part of consistent: the Δ and
// growth of a change, an execution rate, a share, worked out from it, follow the new figure.
extension NarrativeNumberRule {
  /// The edits that make the statements built on `number` agree with `value`, and whether every
  /// dependent statement could be followed (false: the fix would leave one of them wrong).
  /// Last year's figure and the other side of a rate stay as they are: they are facts the
  /// correction does not touch. A figure a statement was not worked out from (its percentage
  /// already fits the new value) is left alone.
  static func dependentEdits(of number: Paragraph.Number, becoming value: Amount, in reader: NarrativeReader)
    -> (edits: [TextEdit], complete: Bool)
  {
    let paragraph = reader.paragraph
    var edits: [TextEdit] = []
    var complete = true
    func replace(_ range: Range<Int>, with text: String) {
      edits.append(TextEdit(range: paragraph.sourceRange(ofTextRange: range), newText: text))
    }
    func replaceDigits(_ figure: Paragraph.Number, with amount: Amount) {
      let digits = reader.digitsRange(of: figure)
      let original = paragraph.text(in: digits)
      replace(digits, with: NarrativeFigures.written(amount, like: original))
    }

    for change in reader.changes where change.current?.textRange == number.textRange {
      guard change.isResolved, change.previous == nil, let current = change.current else {
        complete = false
        continue
      }
      let delta = change.delta.value
      let previous = change.verb.isIncrease ? current.value - delta : current.value + delta
      // Worked out from the table's figure already (only the figure was mistyped): nothing follows.
      if let percent = change.percent {
        let base = change.verb.isIncrease ? value - delta : value + delta
        let fitsNew = RatioCheck.agrees(
          stated: percent.value, part: delta, partTolerance: RatioCheck.halfUnit(delta), whole: base,
          wholeTolerance: RatioCheck.halfUnit(value) + RatioCheck.halfUnit(delta))
        if fitsNew == true { continue }
      }
      let difference = value - previous
      guard !difference.isZero, previous.tenThousandths >= 0 else {
        complete = false
        continue
      }
      let increase = difference.tenThousandths > 0
      replaceDigits(change.delta, with: Amount(tenThousandths: difference.magnitude.tenThousandths, decimals: 2))
      if increase != change.verb.isIncrease {
        replace(change.verb.range, with: increase ? "增加" : "减少")
        if let percentVerb = change.percentVerb { replace(percentVerb.range, with: increase ? "增长" : "下降") }
      }
      if let percent = change.percent, !previous.isZero,
        let rate = RatioCheck.percent(part: difference.magnitude, whole: previous, decimals: percent.value.decimals)
      {
        replace(reader.digitsRange(of: percent), with: rate)
      }
    }

    for change in reader.percentChanges
    where change.current.textRange == number.textRange || change.previous.textRange == number.textRange {
      let isCurrent = change.current.textRange == number.textRange
      guard
        RatioCheck.agrees(
          stated: change.percent.value, part: change.difference.magnitude, partTolerance: change.tolerance,
          whole: change.previous.value, wholeTolerance: RatioCheck.halfUnit(change.previous.value)) == true
      else { continue }
      let current = isCurrent ? value : change.current.value
      let previous = isCurrent ? change.previous.value : value
      let difference = current - previous
      guard !previous.isZero, !difference.isZero,
        let expected = RatioCheck.percent(
          part: difference.magnitude, whole: previous, decimals: change.percent.value.decimals)
      else {
        complete = false
        continue
      }
      replace(reader.digitsRange(of: change.percent), with: expected)
      let increase = difference.tenThousandths > 0
      if increase != change.verb.isIncrease { replace(change.verb.range, with: increase ? "增加" : "减少") }
    }

    for rate in reader.rates {
      let isActual = rate.actual?.textRange == number.textRange
      let isBudget = rate.budget?.textRange == number.textRange
      guard isActual || isBudget else { continue }
      // A rate of a zero budget was meaningless before (change/zero-base): left as it is.
      guard let actual = rate.actual, let budget = rate.budget, !budget.value.isZero else { continue }
      // Only a rate worked out from the figures as written.
      guard
        RatioCheck.agrees(
          stated: rate.rate.value, part: actual.value, partTolerance: RatioCheck.halfUnit(actual.value),
          whole: budget.value, wholeTolerance: RatioCheck.halfUnit(budget.value)) == true
      else { continue }
      let newActual = isActual ? value : actual.value
      let newBudget = isBudget ? value : budget.value
      guard !newBudget.isZero,
        let expected = RatioCheck.percent(part: newActual, whole: newBudget, decimals: rate.rate.value.decimals)
      else {
        complete = false
        continue
      }
      replace(reader.digitsRange(of: rate.rate), with: expected)
    }

    for share in reader.shares where share.part?.textRange == number.textRange {
      guard let part = share.part, let whole = share.whole, !whole.value.isZero else { continue }
      guard
        RatioCheck.agrees(
          stated: share.share.value, part: part.value, partTolerance: RatioCheck.halfUnit(part.value),
          whole: whole.value, wholeTolerance: RatioCheck.halfUnit(whole.value)) == true,
        let expected = RatioCheck.percent(part: value, whole: whole.value, decimals: share.share.value.decimals)
      else { continue }
      replace(reader.digitsRange(of: share.share), with: expected)
    }
    return (edits, complete)
  }
}
