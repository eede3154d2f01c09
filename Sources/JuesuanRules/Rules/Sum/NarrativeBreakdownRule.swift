import JuesuanAnalysis
import JuesuanModel

/// A whole stated in the narrative and its parts listed after "其中": the parts may not add up to
/// more than the whole, and a list of three or more parts should add up to it. A 小微企业 amount
/// is part of the 中小企业 amount of the same measure stated before it, and what 中小企业 were
/// awarded, or what is reserved for them, is part of the whole 政府采购 of the same measure.
struct NarrativeBreakdownRule: Rule {
  static let description = RuleDescription(
    code: "sum/narrative-breakdown",
    summary: "叙述中“合计数，其中：各项”的各项之和应等于合计数，至少不能超过它。",
    rationale: """
      只读“A 万元，其中：B 万元、C 万元…”：合计数紧挨“其中”（或只隔它自己的占比：“A 万元，占…的 W%，其中”），各项是同一句中“其中”之后的万元金额，\
      括号内的数、增减额、下一层“其中”以后的数（括号内的“其中”只到括号为止），某项自己的“（主要）包括”“主要用于”“主要为”“具体为”等到该项的“；”为止的数，以及占比写明是另一项之一部分的数（“占授予中小企业合同金额的”）、说明前一项的数（“上年为”“人均”“较年初预算增加”，合计不是预算时的“年初预算为”）不计。\
      合计数之前紧挨增减词（“比年初预算 12.00 万元减少 2.40 万元，其中：”）时，该数是增减额，不是各项的合计，不核对。\
      各项加总不符时，若以“；”分句另读能正好相符——列举到某一分句为止、某一分句自成一组（按来源、按性质两种分法）、\
      或各分句的首个金额——即不报：正好相符说明原文无误。各项之和大于合计数一定有误，报错误；只列一项时也核对它不超过合计数；三项以上的列举\
      通常就是全部构成，之和小于合计数报警告；一两项的列举可能只举了一部分，不报少于，但基本支出下的人员经费与\
      公用经费、财政拨款（一般公共预算、政府性基金、国有资本经营预算）支出下的基本支出与项目支出就是其全部，各项占比\
      （“占 W%”）相加为 100% 的也是全部，也报少于。合计数与“其中”之间可以隔着它自己的增减（“比上年增加 X 万元，增长 Y%”）；\
      某项自己又有“其中”时，其各项到该项的“；”为止。“A 万元。其中：…”（其中另起一句）同样读取。差额在四舍五入容差内不报。\
      政府采购说明中，小微企业是中小企业的一部分：“授予小微企业合同金额”“面向小微企业预留…预算金额”\
      “由小微企业供应商中标或成交的，采购金额”不能超过前面同一种金额的中小企业数；同样，中小企业在预留项目和\
      其他项目中成交的采购金额之和、“授予中小企业合同金额”不能超过同一节的政府采购金额（合同数），“面向中小企业\
      预留政府采购项目预算金额”不能超过同一节的政府采购预算。预算的“收入预算中：…”“支出预算中：…”各项之和不能超过前文所写的收入（支出）预算，报在列表处。“A 万元，其中：”结束一段而各项在其下（一句列出，\
      或每项一段、以“；”相连）时同样核对。“A 万元（含 B 万元）”中 B 不能大于 A。\
      决算中“一般公共预算财政拨款支出年初（全年）预算为 A 万元，支出决算为 B 万元……其中：”之后逐项（1、2、3…）说明的\
      各项年初（全年）预算之和不能超过 A；各项支出决算之和等于 B（即列全了）时也不能少于 A。功能分类表未能读取时，\
      各项支出决算之和同样与 B 核对（各项预算之和等于 A 时也不能少于 B）。\
      预算的收支总表未能读取时，叙述中的财政拨款支出预算与一般公共预算、政府性基金、国有资本经营预算三类拨款支出预算之和核对，\
      支出预算不能小于其中的财政拨款支出预算；“三公”经费表未能读取时，叙述中的“三公”经费（预算的预算数、决算的\
      支出决算数）与因公出国（境）费、公务用车购置及运行费、公务接待费之和核对，公务用车购置及运行费与购置费、运行费\
      之和核对。预算的功能分类表未能读取时，“财政拨款支出主要内容如下”所列各项（按 1、2、3…编号逐段）之和\
      不能超过叙述中的财政拨款支出预算；编号连续读到该节末尾时，也不能少于（报警告）。报在列表的开头一行。\
      合计与各项中恰有一个数，交换其相邻两位数字后正好相符（如 1387.72 写成 1837.72）时，另在该数处报警告，疑为数字颠倒。\
      该表逐格导出时，各行名称后紧跟本行各数（合计 = 基本支出 + 项目支出）：按类、款、项名称依次找到各项在表中的合计，\
      若其余各项（至少三分之二）都与表中数一致，只有一项不一致，且改为表中数后差额正好消除，就在该项处另报警告。\
      公务接待费说明中的外宾（外事）接待、国内公务接待、其他国内公务接待、国（境）外公务接待支出都不能超过公务接待费（报在该项处）；\
      外宾接待与“其他国内公务接待”之和、国内公务接待与国（境）外公务接待之和应等于公务接待费（国内公务接待是否含外宾（外事）接待\
      各地写法不一，二者不相加）。\
      “共有车辆 N 辆，其中：…用车 a 辆、…、其他用车 h 辆”（及“购置车辆 N 辆，其中：…”）各类之和不能超过 N；列出“其他”时\
      各类即全部车辆，也不能少于 N。
      """,
    defaultSeverity: .error,
    nonTriggeringExamples: [
      // A budget's actual is no part of it; 小微 within 中小企业; shares short of 100% name some only.
      .init("“三公”经费全年预算30.00万元，其中年初预算25.00万元，决算24.00万元，完成全年预算的80.00%，主要原因是厉行节约。"),
      .init("# 2025年部门预算\n\n2025年本部门政府采购预算34万元，其中，面向中小企业预留34万元，预留给小微企业34万元。\n"),
      .init(
        "# 2025年部门预算\n\n部门预算编制说明\n  2025年收支预算总额18976.76万元，其中：城乡社区支出15436.93万元，占81.35%；社会保障和就业支出1609.19万元，占8.48%；住房保障支出936.47万元，占4.93%。\n"
      ),
      // A sentence that opens with 其中 after a list breaks down the whole, not the last item.
      .init("2023年度政府采购支出总额440.15万元，其中：货物86.40万元、工程235.00万元、服务118.75万元。其中，授予中小企业合同金额405.60万元，占92.15%。"),
      .init("2023年度“三公”经费支出24.37万元，其中：因公出国（境）费3.12万元、公务用车购置及运行维护费15.80万元、公务接待费5.45万元。其中，使用以前年度结转资金安排10.00万元。"),
      // The parts added up before the list went on with another measure.
      .init(
        "2023年度政府采购支出总额440.15万元，其中：政府采购货物支出86.40万元、政府采购工程支出235.00万元、政府采购服务支出118.75万元，授予中小企业合同金额405.60万元，占政府采购支出总额的92.15%。"
      ),
      // 其他用车 not counted: the list is not whole.
      .init("本部门共有车辆14辆，其中：执法执勤用车8辆、应急保障用车2辆，其余为其他用车。"),
      // A list that ends in 等 is not all of the whole.
      .init("某市农业农村局2025年部门预算\n\n2025年项目支出预算500.00万元，其中：农业技术推广200.00万元，动物防疫150.00万元，农田水利100.00万元等。\n"),
      // A 其中 inside brackets ends with them; a part's own "主要用于" list is its own; 小微 is a part
      // of 中小企业, as its share says.
      .init("2023年度本年支出合计100.00万元，其中：基本支出90.00万元（其中：人员经费78.00万元、公用经费12.00万元），项目支出10.00万元。"),
      .init("2023年度基本支出90.00万元，其中：人员经费78.00万元，主要用于基本工资40.00万元、津贴补贴38.00万元；公用经费12.00万元。"),
      .init("2023年度政府采购支出总额10.00万元，其中：授予中小企业合同金额8.00万元，占政府采购支出总额的80.00%，授予小微企业合同金额5.00万元，占授予中小企业合同金额的62.50%。"),
      .init(Self.itemized(budgets: ["52.00", "17.68", "11.72"], actuals: ["51.32", "11.31", "11.72"])),
      // Actuals that do not add up do not prove the list whole: a budget short of the total is let be.
      .init(Self.itemized(budgets: ["52.00", "17.68", "1.72"], actuals: ["51.32", "11.31", "1.72"])),
      // 外宾接待 is part of 国内公务接待 in some templates, the rest beside it in others.
      .init(
        "# 2024年度部门决算\n\n## 七、“三公”经费支出决算情况说明\n\n公务接待费支出 0.39 万元。国内公务接待支出 0.39 万元（含外宾接待支出 0.00 万元）。\n\n外事接待支出 0.00 万元。\n"
      ),
      .init(
        "# 2023年度部门决算\n\n## 七、“三公”经费支出决算情况说明\n\n公务接待费支出决算 0.50 万元。其中：外宾接待支出 0.20 万元。\n\n其他国内公务接待支出 0.30 万元。\n"
      ),
      // A part's own list ("主要包括基本工资 193.60 万元、…") is not among the whole's parts.
      .init("2023年度财政拨款基本支出622.18万元，其中：人员经费572.93万元，主要包括基本工资193.60万元、津贴补贴90.61万元；公用经费49.25万元，主要包括办公费1.97万元。"),
      .init("2023年度财政拨款基本支出622.18万元，其中：\n人员经费572.93万元，主要包括基本工资193.60万元、津贴补贴90.61万元；\n公用经费49.25万元，主要包括办公费1.97万元。\n"),
      .init(
        "# 2025年部门预算\n\n2025年收支预算总额1,200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n收入预算中：一般公共预算拨款收入1,100.00万元，占91.67%；政府性基金预算拨款收入50.00万元，占4.17%；事业收入50.00万元，占4.17%。\n"
      ),
      // A list of the 财政拨款's part, its shares of its own sum: less than the 支出预算 is no error.
      .init(
        "# 2025年部门预算\n\n2025年收支预算总额1,200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n支出预算中：一般公共服务支出800.00万元，占72.73%；社会保障和就业支出200.00万元，占18.18%；住房保障支出100.00万元，占9.09%。\n"
      ),
      // A list inside an item of a list ends with that item.
      .init(
        "2025年“三公”经费预算数为20.00万元。其中：因公出国（境）费0.00万元；公务用车购置及运行费12.00万元，比2024年预算减少4.00万元，下降25.00%，其中：公务用车购置费0.00万元，公务用车运行费12.00万元；公务接待费8.00万元。"
      ),
      .init("2025年部门支出预算1,200.00万元，其中：基本支出900.00万元，占75.00%；项目支出300.00万元，占25.00%。"),
      // 国内 and 国（境）外 are the whole; 外事 within 国内 is not added to them.
      .init(
        "# 2023年度部门决算\n\n## 七、“三公”经费支出决算情况说明\n\n3.公务接待费支出2.00万元。其中：国内公务接待支出1.50万元，其中外事接待支出0.20万元；国（境）外公务接待支出0.50万元。\n"
      ),
      .init("政府采购支出总额 40.19 万元，其中：货物 40.19 万元、工程 0.00 万元、服务 0.00 万元。"),
      .init("基本支出 100.00 万元，其中：人员经费 80.00 万元。"),
      .init("一般公共预算财政拨款基本支出 5377.64 万元。其中：人员经费 4896.98 万元，主要包括：基本工资；公用经费 480.66 万元，主要包括：办公费。"),
      .init("项目支出 100.00 万元，其中：培训 30.00 万元、会议 20.00 万元。"),
      .init("“三公”经费 42.41 万元，其中：公务用车购置及运行费 42.41 万元（购置费 27.19 万元、运行费 15.22 万元），公务接待费 0.00 万元。"),
      .init("支出 50.00 万元，其中：人员经费 30.00 万元，比上年增加 2.00 万元；公用经费 10.00 万元。"),
      .init("项目总预算1170.00万，其中规模化870.00万，创新化70.00万，协同化180.00万，国际化50.00万，合计1170.00万。"),
      .init(
        "面向中小企业预留政府采购项目预算金额 225.10 万元，面向小微企业预留政府采购项目预算金额 164.87 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 225.10 万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额 164.87 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 12.00 万元。"
      ),
      .init(
        "2024 年度政府采购金额（以合同签订为准）为 2319.21 万元，其中：货物采购金额 122.43 万元、工程采购金额 1387.72 万元、服务采购金额 809.07 万元。\n\n2024 年度本部门面向中小企业预留政府采购项目预算金额 2400.00 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 2000.00 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 319.21 万元。"
      ),
      .init("2025年本部门政府采购预算830.00万元。2025年本部门面向中小企业预留政府采购项目预算金额332.00万元，其中，预留给小型和微型企业的政府采购项目预算为300.00万元。"),
      .init("政府采购支出总额 10.00 万元。\n\n## 十二、国有资产占用情况说明\n\n授予中小企业合同金额 20.00 万元。"),
      .init("政府采购金额为 2319.21 万元，\n其中：\n货物采购金额 122.43\n\n万元、工程采购金额 1387.72 万元、服务采购金额 809.07 万元。\n"),
      .init("2023年度支出合计1,654.78万元，其中：\n\n基本支出622.19万元，占比37.60%；\n\n项目支出1,032.60万元，占比62.40%；\n\n经营支出0万元，占比0%。\n"),
      .init("公务接待费支出 0.39 万元（含外宾接待支出 0.00 万元）。"),
      .init(
        "# 2025年部门预算\n\n支出预算37,151.47万元，其中：财政拨款支出预算37,151.47万元。财政拨款支出预算中，一般公共预算拨款支出预算37,151.47万元；政府性基金拨款支出预算0万元；国有资本经营预算拨款支出预算0万元。\n"
      ),
      .init(
        "# 2024年部门预算\n\n2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：\n（一）因公出国（境）费0万元，比2023年预算持平。\n（二）公务用车购置及运行费46.56万元，比2023年预算增加25万元。其中：公务用车购置费25万元，比2023年预算增加25万元；公务用车运行费21.56万元，比2023年预算持平。\n（三）公务接待费1.35万元。比2023年预算持平。\n"
      ),
      .init(
        "# 2023年度部门决算\n\n2023 年度一般公共预算拨款“三公”经费支出 42.41 万元，完成全年预算的 65.86%。\n\n（一）因公出国（境）费支出 0.00 万元。\n\n（二）公务用车购置及运行费支出 42.41 万元，完成全年预算的 69.19%。\n\n公务用车购置支出为 27.19 万元。\n\n公务用车运行维护费支出 15.22 万元。\n\n（三）公务接待费预算为 1.00 万元，支出决算为 0.00 万元。\n"
      ),
      .init(
        "# 2025年部门预算\n\n支出预算100.00万元，其中：财政拨款支出预算100.00万元。\n\n财政拨款支出主要内容如下：\n\n1. “一般公共服务支出（类）财政事务（款）行政运行（项）”60.00万元，主要用于基本支出。\n\n2. “住房保障支出（类）住房改革支出（款）住房公积金（项）”科目40.00万元，主要用于住房公积金。\n"
      ),
      .init(
        "# 2025年部门预算\n\n支出预算100.00万元，其中：财政拨款支出预算100.00万元。\n\n财政拨款支出主要内容如下：\n\n1. “一般公共服务支出（类）财政事务（款）行政运行（项）”60.00万元，主要用于基本支出。\n\n3. “住房保障支出（类）住房改革支出（款）住房公积金（项）”科目30.00万元，主要用于住房公积金。\n"
      ),
      .init(
        "截至2024年8月31日，某某局共有车辆8辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车8辆；单价100万元（含）以上设备（不含车辆）0台（套）。"
      ),
      .init("2025年部门预算安排购置车辆3辆，其中：一般公务用车1辆、执法执勤用车1辆。"),
      .init("截至年末共有车辆5辆，其中：一般公务用车2辆、其他用车3辆（新能源车2辆），其中其他用车中执法用车1辆。"),
      // The list ends at the "；" where its parts have added up: what follows is another statement.
      .init("本年支出合计100.00万元，其中基本支出60.00万元，项目支出40.00万元；年末结转和结余20.00万元。"),
      .init(
        "政府采购支出总额833.07万元，其中政府采购货物支出134.83万元，政府采购工程支出534.99万元，政府采购服务支出163.25万元；授予中小企业合同金额649.22万元，占77.93%。"
      ),
      // Two breakdowns of one whole, by fund and by kind.
      .init("# 2025年部门预算\n\n2025年支出预算1000.00万元，其中：财政拨款支出900.00万元；基本支出600.00万元，项目支出400.00万元。\n"),
      // Figures said of a part: last year's, per head, against the budget.
      .init("本年支出合计1000.00万元，其中基本支出600.00万元，上年为550.00万元；项目支出400.00万元，上年为350.00万元。"),
      .init("本年支出合计1000.00万元，其中：基本支出600.00万元，年初预算为620.00万元；项目支出400.00万元，年初预算为380.00万元。"),
      .init("2023年度一般公共预算财政拨款基本支出1,010.00万元，其中：人员经费880.00万元，人均22.00万元；公用经费130.00万元，人均3.25万元。"),
      .init("本年收入合计1,520.00万元，其中：财政拨款收入1,480.00万元，较年初预算增加80.00万元；其他收入40.00万元，较年初预算增加40.00万元。"),
      // The figure before 其中 is a decrease, not what the list breaks down.
      .init("“三公”经费支出9.60万元，比年初预算12.00万元减少2.40万元，其中：公务用车运行维护费7.20万元，公务接待费2.40万元。"),
      // A full-width comma between thousands.
      .init("本年支出合计1，000.00万元，其中：基本支出600.00万元，项目支出400.00万元。"),
    ],
    triggeringExamples: [
      .init("本部门共有车辆⟦14⟧辆，其中：执法执勤用车8辆、应急保障用车2辆、其他用车3辆。"),
      .init("2023年度本年支出合计100.00万元，其中：基本支出⟦90.00⟧万元（其中：人员经费78.00万元、公用经费13.00万元），项目支出10.00万元。"),
      .init("当年实际支出 ⟦45.50⟧ 万元，其中：本级财政当年预算 50 万元、以前年度结余结转 0.00 万元、当年追加 0.00 万元。"),
      .init("政府采购支出总额 ⟦40.19⟧ 万元，其中：货物 30.19 万元、工程 5.00 万元、服务 0.00 万元。"),
      .init("一般公共预算财政拨款基本支出 ⟦5378.64⟧ 万元。其中：人员经费 4896.98 万元，主要包括：基本工资；公用经费 480.66 万元，主要包括：办公费。"),
      .init("授予中小企业合同金额 4.16 万元，占政府采购支出总额的 100.00%，其中：授予小微企业合同金额 ⟦5.16⟧ 万元。"),
      .init("本年收入合计 ⟦307.28⟧ 万元，其中：财政拨款收入 307.82 万元。"),
      .init(
        "涉及二级项目12个，资金⟦703.36⟧万元，占项目支出总额的70.73%，其中一般公共预算项目支出730.36万元、政府性基金预算项目支出0.00万元、国有资本经营预算项目支出0.00万元。"
      ),
      .init(
        "面向中小企业预留政府采购项目预算金额 225.10 万元，面向小微企业预留政府采购项目预算金额 164.87 万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 225.10 万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额 ⟦252.10⟧ 万元。"
      ),
      .init(
        "2024 年度政府采购金额（以合同签订为准）为 21.07 万元，其中：货物采购金额 21.07 万元、工程采购金额 0 万元、服务采购金额 0 万元。\n\n在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额 21.07 万元；在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额 21.07 万元；在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额 ⟦21.07⟧ 万元。"
      ),
      .init("政府采购支出总额 4.16 万元，其中：政府采购货物支出 4.16 万元、政府采购工程支出 0 万元。授予中小企业合同金额 ⟦5.16⟧ 万元。"),
      .init("2025年本部门政府采购预算830.00万元。2025年本部门面向中小企业预留政府采购项目预算金额⟦932.00⟧万元。"),
      .init("2025年本部门面向中小企业预留政府采购项目预算金额332.00万元，其中，预留给小型和微型企业的政府采购项目预算为⟦400.00⟧万元。"),
      .init(
        "# 2023年度部门决算\n\n## 七、“三公”经费支出决算情况说明\n\n公务接待费支出决算 0.00 万元。其中：外宾接待支出 0.00 万元。2023 年共接待外宾 0 人次。\n\n其他国内公务接待支出 ⟦1.00⟧ 万元。\n"
      ),
      .init(Self.itemized(budgets: ["52.00", "27.68", "11.72"], actuals: ["51.32", "11.31", "11.72"], marked: true)),
      .init(Self.itemized(budgets: ["52.00", "16.68", "11.72"], actuals: ["51.32", "11.31", "11.72"], marked: true)),
      // Two digits swapped: the part that, swapped back, adds up is pointed at too.
      .init("政府采购金额为 ⟦2319.21⟧ 万元，\n其中：\n货物采购金额 122.43\n\n万元、工程采购金额 ⟦1837.72⟧ 万元、服务采购金额 809.07 万元。\n"),
      .init("2023年度支出合计⟦1,654.78⟧万元，其中：\n\n基本支出622.19万元，占比37.60%；\n\n项目支出1,032.60万元，占比62.40%；\n\n经营支出1万元，占比0%。\n"),
      .init("公务接待费支出 0.39 万元（含外宾接待支出 ⟦1.00⟧ 万元）。"),
      // A fund pays for nothing but 基本支出 and 项目支出; the whole's own change may come between.
      .init("2025年一般公共预算拨款支出预算⟦1,100.00⟧万元，比2024年预算增加100.00万元，增长10.00%，其中：基本支出849.00万元，项目支出250.00万元。"),
      // Shares that add up to 100% say the list is whole.
      .init("本年支出合计 ⟦9759.38⟧ 万元，其中：基本支出 5376.64 万元，占 55.10%；项目支出 4381.74 万元，占 44.90%。"),
      // "收入预算中：…": the 收入预算 stated before is the whole; reported at the list.
      .init(
        "# 2025年部门预算\n\n2025年收支预算总额1,200.00万元，比2024年预算增加100.00万元，增长9.09%。\n\n收入预算中：一般公共预算拨款收入⟦1,101.00⟧万元，占91.75%；政府性基金预算拨款收入50.00万元，占4.17%；事业收入50.00万元，占4.17%。\n"
      ),
      // A list opened by "其中包括" is the whole's own.
      .init("支出合计 ⟦100.00⟧ 万元，其中包括：基本支出 60.00 万元、项目支出 50.00 万元。"),
      // Plain PDF text: the line break after "；" does not end the sentence.
      .init("一般公共预算财政拨款基本支出 ⟦5378.64⟧ 万元。其中：人员\n经费 4896.98 万元，主要包括：基本工资、退休费；\n公用经费 480.66 万元，主要包括：办公费。\n"),
      .init(
        "# 2023年度部门决算\n\n## 七、“三公”经费支出决算情况说明\n\n3.公务接待费支出⟦2.00⟧万元。其中：国内公务接待支出1.50万元，其中外事接待支出0.20万元；国（境）外公务接待支出0.80万元。\n"
      ),
      .init(
        "# 2025年部门预算\n\n支出预算37,151.47万元，其中：财政拨款支出预算⟦37,151.47⟧万元。财政拨款支出预算中，一般公共预算拨款支出预算37,152.47万元；政府性基金拨款支出预算0万元；国有资本经营预算拨款支出预算0万元。\n"
      ),
      .init(
        "# 2024年部门预算\n\n2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。其中：\n（一）因公出国（境）费0万元，比2023年预算持平。\n（二）公务用车购置及运行费⟦46.56⟧万元，比2023年预算增加25万元。其中：公务用车购置费25万元，比2023年预算增加25万元；公务用车运行费21.65万元，比2023年预算持平。\n（三）公务接待费1.35万元。比2023年预算持平。\n"
      ),
      .init(
        "# 2023年度部门决算\n\n2023 年度一般公共预算拨款“三公”经费支出 ⟦42.41⟧ 万元，完成全年预算的 65.86%。\n\n（一）因公出国（境）费支出 0.00 万元。\n\n（二）公务用车购置及运行费支出 40.41 万元，完成全年预算的 69.19%。\n\n（三）公务接待费预算为 1.00 万元，支出决算为 0.00 万元。\n"
      ),
      .init(
        "# 2025年部门预算\n\n支出预算100.00万元，其中：财政拨款支出预算100.00万元。\n\n⟦财政拨款支出主要内容如下：⟧\n\n1. “一般公共服务支出（类）财政事务（款）行政运行（项）”60.00万元，主要用于基本支出。\n\n2. “住房保障支出（类）住房改革支出（款）住房公积金（项）”科目50.00万元，主要用于住房公积金。\n"
      ),
      .init(
        "# 2025年部门预算\n\n支出预算100.00万元，其中：财政拨款支出预算100.00万元。\n\n⟦财政拨款支出主要内容如下：⟧\n\n1. “一般公共服务支出（类）财政事务（款）行政运行（项）”60.00万元，主要用于基本支出。\n\n2. “住房保障支出（类）住房改革支出（款）住房公积金（项）”科目30.00万元，主要用于住房公积金。\n"
      ),
      .init(
        "截至2024年8月31日，某某局共有车辆⟦8⟧辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车7辆；单价100万元（含）以上设备（不含车辆）0台（套）。"
      ),
      .init("2025年部门预算安排购置车辆⟦1⟧辆，其中：一般公务用车1辆、执法执勤用车1辆。"),
      // No reading of the list adds up: its "；" clauses are read as parts too.
      .init("本年支出合计⟦100.00⟧万元，其中基本支出60.00万元，项目支出50.00万元；年末结转和结余20.00万元。"),
      .init("本年支出合计⟦1000.00⟧万元，其中基本支出600.00万元，上年为550.00万元；项目支出500.00万元，上年为350.00万元。"),
      .init("本年支出合计⟦1，000.00⟧万元，其中：基本支出600.00万元，项目支出500.00万元。"),
    ])

  static let reads: [any AnalysisView.Type] = [
    NarrativeReaders.self, StatedTotals.self, BudgetItems.self, ProcurementFigures.self, ItemizedSpending.self,
  ]

  private static let marker = Array("其中".utf8)

  static let elements: ReportElements? = [.tables, .paragraphs, .headings]

  func check(_ report: Report, context: inout RuleContext) {
    let readers = context.view(NarrativeReaders.self)
    checkProcurement(report, context: &context)
    checkStatedFunds(report, context: &context)
    checkItemList(report, context: &context)
    checkItemizedSpending(report, context: &context)
    let statedTotals = context.view(StatedTotals.self)
    for (index, paragraph) in report.paragraphs.enumerated() {
      let reader = readers[index]
      checkIncluded(paragraph, reader, source: report.source, context: &context)
      if report.kind.isBudget {
        checkListOfStatedTotal(reader, paragraph: index, statedTotals, source: report.source, context: &context)
      }
      checkVehicleCounts(paragraph, reader, context: &context)
      guard UTF8Text.firstOffset(of: Self.marker, in: paragraph.utf8) != nil else { continue }
      if let whole = Self.listOpened(by: reader) {
        checkList(of: whole, opened: index, report, readers, context: &context)
      }
      let deltas = Set(reader.changes.map(\.delta.textRange.lowerBound))
      let amounts = paragraph.numbers.filter {
        $0.unit == .tenThousandYuan && !deltas.contains($0.textRange.lowerBound)
      }
      let bytes = paragraph.utf8
      for marker in reader.occurrences(of: "其中") {
        guard let sentenceIndex = reader.sentences.firstIndex(where: { $0.contains(marker) }),
          let whole = amounts.last(where: { $0.textRange.upperBound <= marker })
        else { continue }
        let sentence = reader.sentences[sentenceIndex]
        // "A 万元，其中：…", or "A 万元。其中：…" with 其中 opening the next sentence.
        let opensSentence = reader.skippingSpaces(from: sentence.lowerBound) == marker && sentenceIndex > 0
        let from = opensSentence ? reader.sentences[sentenceIndex - 1].lowerBound : sentence.lowerBound
        guard whole.textRange.lowerBound >= from,
          Self.onlyPunctuation(
            bytes[Self.end(of: whole, withShareBefore: marker, reader)..<marker], fullStop: opensSentence)
        else { continue }
        // "…其中：货物 86.40 万元、…服务 118.75 万元。其中，授予中小企业合同金额…": after a sentence that
        // lists, the last item is not the whole of what the next sentence breaks down.
        if opensSentence,
          !reader.occurrences(of: "其中", in: from..<whole.textRange.lowerBound).isEmpty
            || !reader.occurrences(of: "、", in: from..<whole.textRange.lowerBound).isEmpty
        {
          continue
        }
        let wholeLabel = reader.label(before: whole, from: from)
        // The parts: after 其中, not in brackets, up to the sentence's end or a nested 其中.
        let nested = reader.occurrences(of: "其中").first { $0 > marker && $0 < sentence.upperBound }
        var end = nested ?? sentence.upperBound
        // A whole that is itself an item of a list before it in the sentence ("其中：…；公务用车购置及
        // 运行费 12.00 万元，其中：…；公务接待费 8.00 万元"): its parts end with its item, at the ；.
        let itemStart = reader.sentence(containing: whole.textRange.lowerBound).lowerBound..<whole.textRange.lowerBound
        if !reader.occurrences(of: "其中", in: itemStart).isEmpty || !reader.occurrences(of: "；", in: itemStart).isEmpty,
          let semicolon = reader.occurrences(of: "；", in: marker..<end).first
        {
          end = semicolon
        }
        // "基本支出 90.00 万元（其中：人员经费 78.00 万元、公用经费 12.00 万元），项目支出…": a 其中 inside
        // brackets ends with them.
        if let close = Self.closingBracket(bytes, around: marker, from: from) { end = min(end, close) }
        let nestedRanges =
          Self.bracketed(bytes, from: marker, upTo: end) + Self.elaborations(reader, from: marker, upTo: end)
        let listed = amounts.filter { number in
          number.textRange.lowerBound > marker && number.textRange.upperBound <= end
            && !nestedRanges.contains { $0.contains(number.textRange.lowerBound) }
            && !Self.isRestatedTotal(bytes, number.textRange.lowerBound)
            && !Self.isSideFigure(number, reader, after: marker, wholeLabel: wholeLabel)
        }
        let parts = Self.droppingSubParts(listed, reader, marker: marker)
        // "比年初预算 12.00 万元减少 2.40 万元，其中：…": the figure before 其中 is a change, and the
        // parts after it are not its parts (unless they are changes too).
        if Self.followsChangeWord(whole, reader), let first = parts.first, !Self.followsChangeWord(first, reader) {
          continue
        }
        // The list read another way adds up: it ended at a "；" (what follows is another statement),
        // one of its "；" clauses is a breakdown of its own (by fund, then by kind), or each clause's
        // first figure is the part and the others are said of it.
        if Self.anotherReadingAddsUp(parts, to: whole, reader, within: marker..<end) { continue }
        // One part alone is checked only for exceeding its whole: it says nothing of the rest. A
        // part the 政府采购 check reported already (小微 within 中小企业) is not reported twice.
        guard !parts.isEmpty,
          !context.findings.contains(where: { finding in
            parts.contains { finding.range.overlaps($0.range) } && finding.code == Self.description.code
          })
        else { continue }
        // 基本支出 is 人员经费 and 公用经费, nothing else: two parts that are those two are all of it.
        // A list that ends in 等 ("…100.00万元等") says it is not.
        let endsInEtc = parts.last.map {
          UTF8Text.has("等", at: UTF8Text.skippingSpaces(in: bytes, from: $0.textRange.upperBound), in: bytes)
        }
        let complete = endsInEtc != true && Self.isComplete(parts, of: whole, reader, from: from, marker: marker)
        compare(parts, with: whole, complete: complete, source: report.source, context: &context)
      }
    }
  }

  /// Whether `parts`, listed after the 其中 at `marker`, are all of `whole` (stated from `from`):
  /// three or more (a list that long is the whole); 基本支出's 人员经费 and 公用经费; a fund's
  /// (财政拨款, 一般公共预算, 政府性基金, 国有资本经营) 支出 as its 基本支出 and 项目支出, the only
  /// things a fund pays for; or parts whose shares ("占 W%") add up to 100%.
  private static func isComplete(
    _ parts: [Paragraph.Number], of whole: Paragraph.Number, _ reader: NarrativeReader, from: Int, marker: Int
  ) -> Bool {
    // Three or more parts are the whole, unless their shares say they are not ("…占 81.35%；…占 8.48%；
    // …占 4.93%": 94.76%, the largest items only).
    if parts.count >= 3 { return !sharesFallShort(parts, reader) }
    if parts.count == 2 {
      let wholeLabel = reader.label(before: whole, from: from).utf8Text
      let first = reader.label(before: parts[0], from: marker).utf8Text
      let second = reader.label(before: parts[1], from: parts[0].textRange.upperBound).utf8Text
      if wholeLabel.contains("基本支出"), first.hasSuffix("人员经费"), second.hasSuffix("公用经费") { return true }
      let isFund = ["财政拨款", "一般公共预算", "政府性基金", "国有资本经营"].contains(where: wholeLabel.contains)
      if isFund, wholeLabel.contains("支出"), first.hasSuffix("基本支出"), second.hasSuffix("项目支出") { return true }
    }
    return sharesMakeWhole(parts, reader)
  }

  /// Whether every part is followed by its share and the shares add up to less than 100%, beyond
  /// their rounding.
  private static func sharesFallShort(_ parts: [Paragraph.Number], _ reader: NarrativeReader) -> Bool {
    guard let (sum, slack) = sharesTotal(parts, reader) else { return false }
    return sum < 100 - slack - 1e-9
  }

  /// Whether every part is followed by its share ("基本支出 900.00 万元，占 75.00%") and the shares
  /// add up to 100% (each off by up to one unit of its last digit).
  private static func sharesMakeWhole(_ parts: [Paragraph.Number], _ reader: NarrativeReader) -> Bool {
    guard !parts.isEmpty, let (sum, slack) = sharesTotal(parts, reader) else { return false }
    return abs(sum - 100) <= slack + 1e-9
  }

  /// The sum of the parts' shares and its rounding slack (one unit of each share's last digit); nil
  /// when a part has no share.
  private static func sharesTotal(_ parts: [Paragraph.Number], _ reader: NarrativeReader) -> (Double, Double)? {
    let shares = reader.unnamedShares
    var sum = 0.0
    var slack = 0.0
    for part in parts {
      guard let share = shares.first(where: { $0.part.textRange == part.textRange })?.share.value else { return nil }
      sum += share.doubleValue
      slack += RatioCheck.lastDigitUnit(decimals: share.decimals)
    }
    return (sum, slack)
  }

  /// Reports parts that add up to more than their whole, or (when they are all of it) to less.
  private func compare(
    _ parts: [Paragraph.Number], with whole: Paragraph.Number, complete: Bool, at place: Paragraph.Number? = nil,
    source: SourceText, context: inout RuleContext
  ) {
    context.ran()
    let sum = Amount.sum(parts.map(\.value))
    let difference = (sum - whole.value).tenThousandths
    let tolerance = TableIdentity.tolerance(parts: parts.count)
    guard abs(difference) > tolerance, difference > 0 || complete else { return }
    let terms = Terms.joined(parts.map(\.value), limit: 8)
    let digits = NarrativeFigures.digitRange(of: place ?? whole, in: source)
    let message: String =
      parts.count == 1
      ? "其中 \(sum) 万元超过合计数 \(whole.value) 万元 \((sum - whole.value).magnitude)：部分不会大于整体"
      : difference > 0
        ? "其中各项 \(terms) = \(sum) 万元，超过合计数 \(whole.value) 万元 \((sum - whole.value).magnitude)"
        : "其中各项 \(terms) = \(sum) 万元，比合计数 \(whole.value) 万元少 \((sum - whole.value).magnitude)：所列是否不全，或合计有误"
    context.report(
      digits, Message(message), severity: difference > 0 ? nil : .warning,
      related: (place == nil ? [] : [Finding.Related(range: whole.range, message: "合计数 \(whole.value) 万元")])
        + parts.map { Finding.Related(range: $0.range, message: "\($0.value) 万元") })
    reportTransposition(parts, whole: whole, gap: sum - whole.value, source: source, context: &context)
  }

  /// The one figure of a breakdown that does not add up — a part or the whole — whose two
  /// adjacent digits, swapped, make it add up (`RuleContext.transposition`): a warning at it,
  /// with the swapped figure as an unsafe fix. Nothing when no figure, or more than one, fits.
  private func reportTransposition(
    _ parts: [Paragraph.Number], whole: Paragraph.Number, gap: Amount, source: SourceText,
    context: inout RuleContext
  ) {
    let candidates = ([(whole, whole.value + gap)] + parts.map { ($0, $0.value - gap) }).compactMap {
      number, target -> (range: Range<Int>, written: String, swapped: String)? in
      let range = NarrativeFigures.digitRange(of: number, in: source)
      let written = source.text(in: range)
      return RuleContext.transposition(of: written, giving: target).map { (range, written, $0) }
    }
    guard candidates.count == 1, let suspect = candidates.first else { return }
    context.report(
      suspect.range,
      "\(suspect.written) 疑为数字颠倒：写作 \(suspect.swapped) 时其中各项之和等于合计数",
      severity: .warning,
      fixes: [
        Fix(
          title: "改为 \(suspect.swapped)", edits: [TextEdit(range: suspect.range, newText: suspect.swapped)],
          isSafe: false)
      ])
  }

  /// "A 万元，其中：" ending the paragraph (the PDF put the list below): A.
  private static func listOpened(by reader: NarrativeReader) -> Paragraph.Number? {
    let bytes = reader.bytes
    var end = bytes.count
    while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
    let colon = ["：", ":"].first { end >= $0.utf8.count && reader.has($0, at: end - $0.utf8.count) }
    guard let colon else { return nil }
    let marker = end - colon.utf8.count - Self.marker.count
    guard marker >= 0, reader.has("其中", at: marker),
      let whole = reader.paragraph.numbers.last(where: {
        $0.unit == .tenThousandYuan && $0.textRange.upperBound <= marker
      }),
      !reader.changes.contains(where: { $0.delta.textRange == whole.textRange }),
      onlyPunctuation(bytes[whole.textRange.upperBound..<marker], fullStop: true)
    else { return nil }
    return whole
  }

  /// The parts of a list opened by "A 万元，其中：" at the end of paragraph `opened`, in the
  /// paragraphs below under the same heading: one sentence listing them ("货物 B 万元、工程 C
  /// 万元、服务 D 万元。"), or one item to a paragraph, each ending with "；" but the last
  /// (its first amount is the item's). A nested "其中" or a paragraph without an amount ends the
  /// reading unchecked.
  private func checkList(
    of whole: Paragraph.Number, opened: Int, _ report: Report, _ readers: NarrativeReaders,
    context: inout RuleContext
  ) {
    let heading = report.paragraphs[opened].headingIndex
    var parts: [Paragraph.Number] = []
    var index = opened + 1
    while index < report.paragraphs.count, index <= opened + 12 {
      let reader = readers[index]
      let paragraph = reader.paragraph
      guard paragraph.headingIndex == heading, UTF8Text.firstOffset(of: Self.marker, in: paragraph.utf8) == nil
      else { return }
      let (amounts, items) = Self.listItems(reader)
      guard !amounts.isEmpty else { return }
      let end = UTF8Text.skippingSpacesBackward(in: paragraph.utf8, from: paragraph.utf8.count)
      if UTF8Text.has("；", at: end - 3, in: paragraph.utf8) || UTF8Text.has(";", at: end - 1, in: paragraph.utf8) {
        parts += items
        index += 1
        continue
      }
      // The last item (or items), or one sentence listing them all.
      parts += parts.isEmpty && items.count == 1 ? amounts : items
      guard parts.count >= 2 else { return }
      compare(parts, with: whole, complete: parts.count >= 3, source: report.source, context: &context)
      return
    }
  }

  /// The 万元 figures of the first sentence of a list paragraph (not a change's Δ, not in brackets
  /// or in a part's own "包括…" list, not a restated total), and the items among them: the first
  /// figure of each ；-clause ("人员经费 572.93 万元，主要包括…；公用经费 49.25 万元…").
  private static func listItems(_ reader: NarrativeReader) -> (
    amounts: [Paragraph.Number], items: [Paragraph.Number]
  ) {
    let paragraph = reader.paragraph
    let first = reader.sentences.first ?? 0..<paragraph.utf8.count
    let nested =
      bracketed(paragraph.utf8, from: 0, upTo: first.upperBound) + elaborations(reader, from: 0, upTo: first.upperBound)
    let amounts = paragraph.numbers.filter { number in
      number.unit == .tenThousandYuan && first.contains(number.textRange.lowerBound)
        && !reader.changes.contains { $0.delta.textRange == number.textRange }
        && !nested.contains { $0.contains(number.textRange.lowerBound) }
        && !isRestatedTotal(paragraph.utf8, number.textRange.lowerBound)
    }
    let semicolons = reader.occurrences(of: "；", in: first)
    let clauses = zip([first.lowerBound] + semicolons, semicolons + [first.upperBound]).map { $0..<$1 }
    let items = clauses.compactMap { clause in amounts.first { clause.contains($0.textRange.lowerBound) } }
    return (amounts, items)
  }

  /// "收入预算中：一般公共预算拨款收入 1,100.00 万元，占 91.67%；…" (`StatedTotals.listedTotal`): the
  /// items may not add up to more than the 收入预算 (支出预算) stated before; reported at the list
  /// (the whole is paragraphs away). Less is not reported: a list whose shares add up to 100% may
  /// still be of a part of that whole (the 财政拨款's), its shares worked out of their own sum.
  private func checkListOfStatedTotal(
    _ reader: NarrativeReader, paragraph index: Int, _ totals: StatedTotals, source: SourceText,
    context: inout RuleContext
  ) {
    guard let whole = totals.listedTotal(of: reader, paragraph: index)?.number else { return }
    let items = Self.listItems(reader).items
    guard let first = items.first else { return }
    compare(items, with: whole, complete: false, at: first, source: source, context: &context)
  }

  /// Where the tables that state them were not read: the narrative's 三公 figures against each
  /// other; a budget's 财政拨款支出预算 against its three funds stated in the narrative (all three,
  /// else only not less than their sum), and 支出预算 against its 财政拨款 part.
  private func checkStatedFunds(_ report: Report, context: inout RuleContext) {
    let totals = context.view(StatedTotals.self)
    checkStatedSangong(totals, source: report.source, context: &context)
    checkReceptionParts(totals, source: report.source, context: &context)
    guard report.kind.isBudget else { return }
    if let whole = totals.figure(of: .fiscalExpenditure), Self.fundsAreUnchecked(whole.number, totals) {
      let funds = [StatedTotals.Total.generalBudget, .governmentFund, .stateCapital].compactMap {
        totals.figure(of: $0)
      }
      if !funds.isEmpty {
        compare(
          funds.map(\.number), with: whole.number, complete: funds.count == 3, source: report.source, context: &context)
      }
    }
    guard !totals.tablesStateThem else { return }
    // 收入预算 and its 财政拨款收入 are a "其中" list the check above reads.
    if let whole = totals.figure(of: .expenditure), let part = totals.figure(of: .fiscalExpenditure) {
      compare([part.number], with: whole.number, complete: false, source: report.source, context: &context)
    }
  }

  /// Whether the narrative's funds are held against nothing else: the 收支总表 were not read, or
  /// 04's 支出总计 row has its 合计 (which the narrative's 财政拨款支出预算 states, and
  /// xref/narrative-number compares) but not its fund columns certain. A whole that differs from
  /// 04's 合计 is that rule's finding, not a sum's.
  private static func fundsAreUnchecked(_ whole: Paragraph.Number, _ totals: StatedTotals) -> Bool {
    guard totals.tablesStateThem else { return true }
    guard !totals.fundsPlacedInTable, let table = totals.fiscalExpenditureInTable else { return false }
    let places = max(0, min(whole.value.decimals, 4))
    return table.formatted(decimals: places) == whole.value.formatted(decimals: places)
  }

  /// Where the 三公 table was not read, “三公”经费 against its three items, and 公务用车购置及运行费
  /// against 购置费 and 运行费, as the narrative states them.
  private func checkStatedSangong(_ totals: StatedTotals, source: SourceText, context: inout RuleContext) {
    guard !totals.sangongTableStatesThem else { return }
    let sums: [(StatedTotals.Total, [StatedTotals.Total])] = [
      (.sangong, [.sangongAbroad, .sangongVehicles, .sangongReception]),
      (.sangongVehicles, [.sangongPurchase, .sangongRunning]),
    ]
    for (whole, parts) in sums {
      guard let whole = totals.figure(of: whole) else { continue }
      let stated = parts.compactMap { totals.figure(of: $0) }
      guard !stated.isEmpty else { continue }
      compare(
        stated.map(\.number), with: whole.number, complete: stated.count == parts.count, source: source,
        context: &context)
    }
  }

  /// The parts of 公务接待费 its explanation names, which no table states, against the 公务接待费
  /// it states: none more than it (reported at the part, often lines below the whole), and
  /// 外宾接待 with 其他国内公务接待 (the rest), or 国内公务接待 with 国（境）外公务接待, adding up to
  /// it. Whether 国内公务接待 includes 外宾（外事）接待 varies by template, so those two are not added.
  private func checkReceptionParts(_ totals: StatedTotals, source: SourceText, context: inout RuleContext) {
    guard let whole = totals.figure(of: .sangongReception) else { return }
    let parts: [StatedTotals.Total] = [
      .receptionForeign, .receptionDomestic, .receptionOtherDomestic, .receptionAbroad,
    ]
    var exceeded = false
    for part in parts {
      guard let stated = totals.figure(of: part) else { continue }
      context.ran()
      let excess = stated.number.value - whole.number.value
      guard excess.tenThousandths > TableIdentity.tolerance(parts: 1) else { continue }
      exceeded = true
      context.report(
        NarrativeFigures.digitRange(of: stated.number, in: source),
        "\(part.name(isBudget: false)) \(stated.number.value) 万元超过公务接待费 \(whole.number.value) 万元 \(excess)：部分不会大于整体",
        related: [Finding.Related(range: whole.number.range, message: "公务接待费 \(whole.number.value) 万元")])
    }
    guard !exceeded else { return }
    for (part, rest) in [
      (StatedTotals.Total.receptionForeign, StatedTotals.Total.receptionOtherDomestic),
      (.receptionDomestic, .receptionAbroad),
    ] {
      guard let part = totals.figure(of: part), let rest = totals.figure(of: rest) else { continue }
      // At the statement of the whole the parts follow ("3.公务接待费支出 2.00 万元。其中：…").
      let nearest = totals.statements(of: .sangongReception).last {
        $0.number.range.lowerBound < min(part.number.range.lowerBound, rest.number.range.lowerBound)
      }
      compare(
        [part.number, rest.number], with: (nearest ?? whole).number, complete: true, source: source, context: &context)
    }
  }

  /// A final's 一般公共预算财政拨款支出 by 项 with these items' 全年预算 and 支出决算 (the opening states
  /// 81.40 and 74.35); `marked`, the opening's budget is where a finding is expected.
  private static func itemized(budgets: [String], actuals: [String], marked: Bool = false) -> String {
    let names = ["行政运行", "事业运行", "购房补贴"]
    let items = zip(names, zip(budgets, actuals)).enumerated().map { index, item in
      "\(index + 1)、一般公共服务支出（类）社会工作事务（款）\(item.0)（项）。\n主要用于：人员支出。全年预算为 \(item.1.0) 万元，支出决算为 \(item.1.1) 万元。\n"
    }
    return """
      # 2024年度部门决算

      ## 五、一般公共预算财政拨款支出决算情况说明

      一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 \(marked ? "⟦81.40⟧" : "81.40") 万元，支出决算为 74.35 万元。

      决算数小于预算数的主要原因：人员变动。其中：

      \(items.joined(separator: "\n"))
      """
  }

  /// A final's 一般公共预算财政拨款支出 by 项 (`ItemizedSpending`): the items' budgets add up to the
  /// budget the opening states, never to more, and to no less when the list is whole — which the
  /// items' actuals prove by adding up to its actual. Where no function table was read (else
  /// xref/narrative-number holds each actual against its row), the actuals likewise, their
  /// wholeness proved by the budgets.
  private func checkItemizedSpending(_ report: Report, context: inout RuleContext) {
    let list = context.view(ItemizedSpending.self)
    guard list.header != nil, list.items.count >= 2 else { return }
    let tolerance = TableIdentity.tolerance(parts: list.items.count)
    func adds(_ parts: [Paragraph.Number], to whole: Paragraph.Number) -> Bool {
      abs((Amount.sum(parts.map(\.value)) - whole.value).tenThousandths) <= tolerance
    }
    let actuals = list.allStateActuals ? list.items.compactMap(\.actual) : []
    let actualsAddUp = list.actual.map { !actuals.isEmpty && adds(actuals, to: $0) } ?? false
    var budgetsAddUp = false
    for budget in ItemizedSpending.Budget.allCases where list.allState(budget) {
      guard let whole = list.budgets[budget] else { continue }
      let parts = list.items.compactMap { $0.budgets[budget] }
      budgetsAddUp = budgetsAddUp || adds(parts, to: whole)
      compare(parts, with: whole, complete: actualsAddUp, source: report.source, context: &context)
    }
    guard !BudgetItems.tablesStateThem(in: report), let whole = list.actual, !actuals.isEmpty else { return }
    compare(actuals, with: whole, complete: budgetsAddUp, source: report.source, context: &context)
  }

  /// Where no table states the items' figures, a budget's list of what its 财政拨款 is spent on
  /// ("财政拨款支出主要内容如下：1. …（项）”43.83万元…") against the 财政拨款支出预算 the narrative
  /// states: the items cannot add up to more, nor, when the list was read to its end, to less.
  /// Reported at the list's opening line: which item is wrong no other figure tells.
  private func checkItemList(_ report: Report, context: inout RuleContext) {
    guard report.kind.isBudget, !BudgetItems.tablesStateThem(in: report) else { return }
    let list = context.view(BudgetItems.self)
    guard let header = list.header, list.items.count >= 2,
      let whole = context.view(StatedTotals.self).figure(of: .fiscalExpenditure)?.number
    else { return }
    context.ran()
    let parts = list.items.map(\.figure)
    let sum = Amount.sum(parts.map(\.value))
    let difference = sum - whole.value
    guard abs(difference.tenThousandths) > TableIdentity.tolerance(parts: parts.count),
      difference.tenThousandths > 0 || list.isWhole
    else { return }
    let terms = Terms.joined(parts.map(\.value), limit: 8)
    let listed = "“财政拨款支出主要内容”所列各项 \(terms) = \(sum) 万元"
    context.report(
      report.paragraphs[header].range,
      difference.tenThousandths > 0
        ? "\(listed)，超过财政拨款支出预算 \(whole.value) 万元 \(difference.magnitude)：某项金额有误"
        : "\(listed)，比财政拨款支出预算 \(whole.value) 万元少 \(difference.magnitude)：所列是否不全，或某项金额有误",
      severity: difference.tenThousandths > 0 ? nil : .warning,
      related: [Finding.Related(range: whole.range, message: "财政拨款支出预算 \(whole.value) 万元")]
        + parts.map { Finding.Related(range: $0.range, message: "\($0.value) 万元") })
    reportStreamSuspect(
      list, gap: difference, tolerance: TableIdentity.tolerance(parts: parts.count), report: report, context: &context)
  }

  /// The item of a list that does not add up whose figure the unread 一般公共预算支出功能分类预算表
  /// writes otherwise (`BudgetItems.streamFigures`), when it is the only one and the table's figure
  /// closes the gap: the other items found there agree with it (at least two in three are found),
  /// so its figure is the wrong one. A warning at the item, beside the list's error.
  private func reportStreamSuspect(
    _ list: BudgetItems, gap: Amount, tolerance: Int64, report: Report, context: inout RuleContext
  ) {
    let table = list.streamFigures(in: report)
    let found = list.items.indices.filter { table[$0] != nil }
    guard found.count * 3 >= list.items.count * 2 else { return }
    let halfCent = Amount(tenThousandths: 50)
    let differing = found.filter { index in
      guard let figure = table[index] else { return false }
      return (list.items[index].figure.value - figure).magnitude > halfCent
    }
    guard differing.count == 1, let index = differing.first, let figure = table[index] else { return }
    let stated = list.items[index].figure
    guard abs((stated.value - figure - gap).tenThousandths) <= tolerance else { return }
    let written = figure.formatted(decimals: stated.value.decimals)
    let digits = NarrativeFigures.digitRange(of: stated, in: report.source)
    context.report(
      digits,
      "此项 \(stated.value) 万元与一般公共预算支出功能分类预算表中该项的合计 \(written) 万元不符；按表中数，所列各项之和与财政拨款支出预算相符，此数有误",
      severity: .warning,
      fixes: [Fix(title: "改为 \(written)", edits: [TextEdit(range: digits, newText: written)], isSafe: false)])
  }

  private static let vehicles = Array("车辆".utf8)

  /// "共有车辆 22 辆，其中：部级领导干部用车 0 辆、…、其他用车 22 辆" (and "购置车辆 N 辆，其中：…"):
  /// the kinds of vehicle are a partition of the fleet, so they add up to it; more is always an
  /// error, and less too when the list ends with 其他 (the kinds left over).
  private func checkVehicleCounts(_ paragraph: Paragraph, _ reader: NarrativeReader, context: inout RuleContext) {
    guard UTF8Text.firstOffset(of: Self.vehicles, in: paragraph.utf8) != nil else { return }
    // The counts of vehicles: a plain number right before 辆.
    let counts = paragraph.numbers.filter { number in
      number.unit == .none && number.value.tenThousandths % 10_000 == 0
        && reader.has("辆", at: reader.skippingSpaces(from: number.textRange.upperBound))
    }
    func count(_ number: Paragraph.Number) -> Int64 { number.value.tenThousandths / 10_000 }
    for (index, whole) in counts.enumerated() {
      let before = reader.skippingSpacesBackward(from: whole.textRange.lowerBound) - Self.vehicles.count
      guard before >= 0, reader.has("车辆", at: before) else { continue }
      // "N 辆，其中：" or "N 辆。其中：".
      var start = reader.skippingSpaces(from: reader.skippingSpaces(from: whole.textRange.upperBound) + 3)
      guard let mark = ["，", "。", ","].first(where: { reader.has($0, at: start) }) else { continue }
      start = reader.skippingSpaces(from: start + mark.utf8.count)
      guard reader.has("其中", at: start) else { continue }
      // The parts: the counts after 其中 up to the end of the sentence or clause (。 or ；) or a
      // nested 其中, and not in brackets ("其他用车 5 辆（新能源车 2 辆）").
      let listStart = start + Self.marker.count
      let end =
        ["。", "；", ";", "其中"].compactMap { stop in
          reader.occurrences(of: stop, in: listStart..<reader.bytes.count).first
        }
        .min() ?? reader.bytes.count
      let bracketed = Self.bracketed(reader.bytes, from: listStart, upTo: end)
      let parts = counts[(index + 1)...].prefix { $0.textRange.upperBound <= end }.filter { part in
        !bracketed.contains { $0.contains(part.textRange.lowerBound) }
      }
      guard parts.count >= 2 else { continue }
      context.ran()
      let sum = parts.reduce(Int64(0)) { $0 + count($1) }
      let total = count(whole)
      // 其他 with its own count ("其他用车 3 辆"), not the rest left uncounted ("其余为其他用车").
      let listsTheRest = reader.occurrences(of: "其他", in: start..<end).contains { other in
        let stop = ["、", "，", ",", "；"].compactMap { reader.occurrences(of: $0, in: other..<end).first }.min() ?? end
        return parts.contains { (other..<stop).contains($0.textRange.lowerBound) }
      }
      guard sum > total || (sum < total && listsTheRest) else { continue }
      let terms = parts.map { "\(count($0))" }.joined(separator: " + ")
      context.report(
        whole.range,
        sum > total
          ? "其中各类车辆 \(terms) = \(sum) 辆，超过车辆总数 \(total) 辆"
          : "其中各类车辆（含其他用车）\(terms) = \(sum) 辆，少于车辆总数 \(total) 辆",
        related: parts.map { Finding.Related(range: $0.range, message: "\(count($0)) 辆") })
    }
  }

  /// "A 万元（含 B 万元）": B is part of A.
  private func checkIncluded(
    _ paragraph: Paragraph, _ reader: NarrativeReader, source: SourceText, context: inout RuleContext
  ) {
    guard UTF8Text.firstOffset(of: Self.includes, in: paragraph.utf8) != nil else { return }
    let amounts = paragraph.numbers.filter { $0.unit == .tenThousandYuan }
    for (whole, part) in zip(amounts, amounts.dropFirst()) {
      let open = reader.skippingSpaces(from: whole.textRange.upperBound)
      guard reader.has("（含", at: open) || reader.has("(含", at: open) else { continue }
      let between = String(decoding: reader.bytes[open..<part.textRange.lowerBound], as: UTF8.self)
      guard !between.contains(where: { "）)，。；、,".contains($0) }) else { continue }
      context.ran()
      let excess = part.value - whole.value
      guard excess.tenThousandths > TableIdentity.tolerance(parts: 1) else { continue }
      context.report(
        NarrativeFigures.digitRange(of: part, in: source),
        "括号内所含 \(part.value) 万元超过其前的 \(whole.value) 万元 \(excess)：所含部分不能大于整体",
        related: [Finding.Related(range: whole.range, message: "\(whole.value) 万元")])
    }
  }

  private static let includes = Array("含".utf8)

  /// "授予中小企业合同金额 A 万元…其中：授予小微企业合同金额 B 万元": B ≤ A, each 小微企业 amount
  /// against the nearest 中小企业 amount before it that names the same measure (合同金额, 预算金额,
  /// 采购金额).
  private func checkSmallWithinMedium(_ figures: ProcurementFigures, source: SourceText, context: inout RuleContext) {
    for pair in figures.smallWithinMedium {
      context.ran()
      let excess = pair.small.value - pair.medium.value
      guard excess.tenThousandths > TableIdentity.tolerance(parts: 1) else { continue }
      context.report(
        NarrativeFigures.digitRange(of: pair.small, in: source),
        "小微企业的\(pair.measure) \(pair.small.value) 万元超过中小企业的\(pair.measure) \(pair.medium.value) 万元 \(excess)：小微企业是中小企业的一部分",
        related: [
          Finding.Related(range: pair.medium.range, message: "中小企业\(pair.measure) \(pair.medium.value) 万元")
        ])
    }
  }

  /// The 政府采购 statement: what 小微企业 were given is within what 中小企业 were; and, section by
  /// section, the contracts signed, and what 中小企业 were awarded of them (in projects reserved
  /// for them plus in other projects, or one amount 授予), are at most all contracts; the budget
  /// reserved for 中小企业 is at most the procurement budget. Figures are compared only under the
  /// same heading, each kind stated once there.
  private func checkProcurement(_ report: Report, context: inout RuleContext) {
    let procurement = context.view(ProcurementFigures.self)
    checkSmallWithinMedium(procurement, source: report.source, context: &context)
    for figures in procurement.sections {
      func only(_ kind: ProcurementFigures.Kind) -> Paragraph.Number? {
        let found = figures.filter { $0.kind == kind }
        return found.count == 1 ? found[0].number : nil
      }
      if let contracts = only(.contracts) {
        let reserved = only(.reservedAward)
        let other = only(.otherAward)
        let parts = [reserved, other].compactMap { $0 }
        if !parts.isEmpty {
          let names = reserved != nil && other != nil ? "在预留项目和其他项目中成交的" : reserved != nil ? "在预留项目中成交的" : "在其他项目中成交的"
          reportExcess(
            of: parts, over: contracts, "中小企业\(names)采购金额", "政府采购金额", because: Self.awardsArePart,
            source: report.source, context: &context)
        }
        for award in figures where award.kind == .award {
          reportExcess(
            of: [award.number], over: contracts, "授予中小企业合同金额", "政府采购金额", because: Self.awardsArePart,
            source: report.source, context: &context)
        }
      }
      if let budget = only(.budget), let reserved = only(.reservedBudget) {
        reportExcess(
          of: [reserved], over: budget, "面向中小企业预留的预算金额", "政府采购预算", because: "预留给中小企业的预算是政府采购预算的一部分",
          source: report.source, context: &context)
      }
    }
  }

  /// Reports `parts` (at the last) when they add up to more than `whole`.
  private func reportExcess(
    of parts: [Paragraph.Number], over whole: Paragraph.Number, _ partName: String, _ wholeName: String,
    because reason: String, source: SourceText, context: inout RuleContext
  ) {
    guard let last = parts.last else { return }
    context.ran()
    let sum = Amount.sum(parts.map(\.value))
    let excess = sum - whole.value
    guard excess.tenThousandths > TableIdentity.tolerance(parts: parts.count) else { return }
    let stated = parts.count == 1 ? "\(sum) 万元" : "\(Terms.joined(parts.map(\.value), limit: 8)) = \(sum) 万元"
    context.report(
      NarrativeFigures.digitRange(of: last, in: source),
      "\(partName) \(stated)，超过\(wholeName) \(whole.value) 万元 \(excess)：\(reason)",
      related: [Finding.Related(range: whole.range, message: "\(wholeName) \(whole.value) 万元")]
        + parts.dropLast().map { Finding.Related(range: $0.range, message: "\($0.value) 万元") })
  }

  private static let awardsArePart = "中小企业中标或成交的合同是政府采购合同的一部分"

  /// The words that open a figure said of the part before it, not a part of its own: last year's
  /// ("上年为 550.00 万元"), per head ("人均 22.00 万元"), a comparison ("较年初预算增加 80.00 万元").
  private static let sideWords = [
    "上年为", "上年是", "上年度为", "上年同期", "人均", "平均", "每", "较", "比", "同比", "环比", "约合", "折合",
  ]
  /// Said of a part, when the whole is not a budget: "基本支出 600.00 万元，年初预算为 620.00 万元".
  private static let budgetWords = ["年初预算", "全年预算", "调整预算", "预算数", "预算为"]

  /// Whether `number`, after the 其中 at `marker`, is said of the part before it: its clause (from
  /// the last "，" "、" "；" or "：" before it) opens with a side word, or with a budget's name when
  /// the whole (named `wholeLabel`) is no budget, or names last year ("上年…", "去年…") other than
  /// its 结转 and 结余, which may be parts.
  private static func isSideFigure(
    _ number: Paragraph.Number, _ reader: NarrativeReader, after marker: Int, wholeLabel: String
  ) -> Bool {
    let start = reader.clauseStart(before: number.textRange.lowerBound, from: marker, marks: separators)
    // Read in the bytes from the clause's first one that is not a space.
    let label = reader.skippingSpaces(from: start)..<number.textRange.lowerBound
    guard !label.isEmpty else { return false }
    func opens(_ words: [String]) -> Bool { words.contains { reader.has($0, at: label.lowerBound) } }
    func holds(_ word: String) -> Bool { !reader.occurrences(of: word, in: label).isEmpty }
    if opens(sideWords) { return true }
    let budgetWhole = wholeLabel.utf8Text.contains("预算")
    if !budgetWhole, opens(budgetWords) { return true }
    // A budget's actual ("全年预算 30.00 万元，其中年初预算 25.00 万元，决算 24.00 万元") is no part of it.
    if budgetWhole, !wholeLabel.utf8Text.contains("决算"), holds("决算") || holds("执行数") || holds("实际支出") {
      return true
    }
    return opens(["上年", "去年"]) && !holds("结转") && !holds("结余")
  }

  private static let separators = ["，", "、", "；", "：", ",", ";", ":"]
  /// Words of a measure other than the list's parts: what 中小企业 were awarded, a carry-over.
  private static let otherMeasures = ["中小企业", "小微", "合同", "预留", "结转", "结余"]
  private static let changeWords = (NarrativeReader.increaseWords + NarrativeReader.decreaseWords + ["节约", "节省", "超支"])
    .map { Array($0.utf8) }

  /// Whether a word of change (增加, 减少 …) comes right before `number`: "减少 2.40 万元".
  private static func followsChangeWord(_ number: Paragraph.Number, _ reader: NarrativeReader) -> Bool {
    let end = reader.skippingSpacesBackward(from: number.textRange.lowerBound)
    return changeWords.contains { UTF8Text.has($0, at: end - $0.count, in: reader.bytes) }
  }

  /// Whether `parts`, which do not add up to `whole`, do when the list in `list` is read another
  /// way: the parts up to one of them, or its "；" clauses up to one (the list ended there);
  /// one clause of two parts or more, every other clause no more than the whole (two breakdowns
  /// of one whole); or each clause's first figure (the others said of it). An exact sum is the
  /// proof the text is right; the rest of what it says is then not read as parts.
  private static func anotherReadingAddsUp(
    _ parts: [Paragraph.Number], to whole: Paragraph.Number, _ reader: NarrativeReader, within list: Range<Int>
  ) -> Bool {
    func adds(_ some: [Paragraph.Number]) -> Bool {
      !some.isEmpty
        && abs((Amount.sum(some.map(\.value)) - whole.value).tenThousandths)
          <= TableIdentity.tolerance(parts: some.count)
    }
    guard parts.count >= 2, !adds(parts) else { return false }
    let semicolons = (reader.occurrences(of: "；", in: list) + reader.occurrences(of: ";", in: list)).sorted()
    let bounds = [list.lowerBound] + semicolons + [list.upperBound]
    let clauses = zip(bounds, bounds.dropFirst()).map { bound in
      parts.filter { (bound.0..<bound.1).contains($0.textRange.lowerBound) }
    }.filter { !$0.isEmpty }
    // The parts up to one of them (two at least), or its "；" clauses up to one, add up, and the next
    // names another measure: the list ended there ("…服务 118.75 万元，授予中小企业合同金额 405.60 万元";
    // "…；年末结转和结余 20.00 万元"). (A part that adds nothing to them, 0 written wrong, does not end it.)
    func namesOtherMeasure(_ part: Paragraph.Number, after previous: Paragraph.Number) -> Bool {
      let label = reader.label(before: part, from: previous.textRange.upperBound).utf8Text
      return otherMeasures.contains(where: label.contains)
    }
    for end in 2..<parts.count where adds(Array(parts[..<end])) && namesOtherMeasure(parts[end], after: parts[end - 1])
    {
      return true
    }
    guard clauses.count >= 2 else { return false }
    for end in 1..<clauses.count where adds(clauses[..<end].flatMap { $0 }) {
      if let next = clauses[end].first, let last = clauses[end - 1].last, namesOtherMeasure(next, after: last) {
        return true
      }
    }
    for (index, clause) in clauses.enumerated() where clause.count >= 2 && adds(clause) {
      let others = clauses.indices.filter { $0 != index }
      if others.allSatisfy({ (Amount.sum(clauses[$0].map(\.value)) - whole.value).tenThousandths <= 0 }) { return true }
    }
    return clauses.contains { $0.count >= 2 } && adds(clauses.compactMap(\.first))
  }

  /// Only white space and punctuation between: "45.50 万元，其中" (the unit is part of the number),
  /// or "45.50 万元。其中" when `fullStop`.
  /// Where the words about `whole` end before the 其中 at `marker`: after its share when one
  /// follows it ("730.36万元，占项目支出总额的70.73%，其中…"), else after the figure itself.
  private static func end(of whole: Paragraph.Number, withShareBefore marker: Int, _ reader: NarrativeReader) -> Int {
    let start = end(of: whole, withChangeBefore: marker, reader)
    let share = reader.shares.last { share in
      share.share.textRange.lowerBound > start && share.share.textRange.upperBound <= marker
    }
    guard let share else { return start }
    // Nothing but the share's own words between: punctuation, then 占 (no sentence ends).
    let bytes = reader.bytes
    guard
      let word = UTF8Text.firstOffset(
        of: Self.shareWord, in: bytes, from: start, before: share.share.textRange.lowerBound),
      onlyPunctuation(bytes[start..<word], fullStop: false),
      UTF8Text.firstOffset(of: Self.fullStop, in: bytes, from: word, before: share.share.textRange.lowerBound) == nil
    else { return start }
    return Self.endWithPercentSign(share.share, in: bytes)
  }

  /// The end of `whole` with its own change that follows it before `marker`, in one sentence:
  /// "支出预算 1,100.00 万元，比 2024 年预算增加 100.00 万元，增长 10.00%，其中：…".
  private static func end(of whole: Paragraph.Number, withChangeBefore marker: Int, _ reader: NarrativeReader) -> Int {
    guard
      let change = reader.changes.first(where: { $0.current?.textRange == whole.textRange }),
      case let last = change.percent ?? change.delta, last.textRange.upperBound <= marker,
      change.verb.range.lowerBound > whole.textRange.upperBound,
      UTF8Text.firstOffset(
        of: Self.fullStop, in: reader.bytes, from: whole.textRange.upperBound, before: last.textRange.lowerBound) == nil
    else { return whole.textRange.upperBound }
    return Self.endWithPercentSign(last, in: reader.bytes)
  }

  /// Where `number` ends with the % sign after it, if any.
  private static func endWithPercentSign(_ number: Paragraph.Number, in bytes: [UInt8]) -> Int {
    var end = number.textRange.upperBound
    for sign in Self.percentSigns where bytes[end...].starts(with: sign) { end += sign.count }
    return end
  }

  private static let shareWord = Array("占".utf8)
  private static let fullStop = Array("。".utf8)
  private static let percentSigns = [Array("%".utf8), Array("％".utf8)]

  private static func onlyPunctuation(_ bytes: ArraySlice<UInt8>, fullStop: Bool) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    return text.allSatisfy { $0.isWhitespace || "，,：:（(".contains($0) || (fullStop && $0 == "。") }
  }

  private static let totalWords = ["合计", "共计", "总计", "合计为", "共计为", "总计为", "合计：", "共"]
  private static let totalWordBytes = totalWords.map { Array($0.utf8) }

  /// "…，合计 1170.00 万": the whole said again at the list's end, not a part.
  private static func isRestatedTotal(_ bytes: [UInt8], _ offset: Int) -> Bool {
    let text = String(decoding: bytes[max(0, offset - 12)..<offset], as: UTF8.self)
    let repaired = Array(text.utf8)
    // Where each scalar is a Character of its own, Characters compare as bytes.
    guard UTF8Text.allStandAlone(repaired) else {
      let before = text.filter { !$0.isWhitespace }
      return totalWords.contains(where: before.hasSuffix)
    }
    let before = UTF8Text.removingWhitespace(from: repaired[...])
    return totalWordBytes.contains { before.count >= $0.count && before.suffix($0.count).elementsEqual($0) }
  }

  private static let fullWidthOpen = Array("（".utf8)
  private static let fullWidthClose = Array("）".utf8)

  /// The words that open a part's own list: "主要包括", "主要用于", "主要为", "具体为" ….
  private static let elaborationWords = ["包括", "主要用于", "主要为", "主要是", "具体为", "分别为", "包含", "主要有"]

  /// What a part's own list spans: from its "包括" ("人员经费 572.93 万元，主要包括基本工资 193.60 万元、…")
  /// or "主要用于", "主要为" … to the ； that ends the part, or `end`. Its figures are the part's parts,
  /// not the whole's. Such a word before any part's figure ("其中包括：A 万元、B 万元") opens the list
  /// itself.
  private static func elaborations(_ reader: NarrativeReader, from start: Int, upTo end: Int) -> [Range<Int>] {
    let figures = reader.paragraph.numbers.filter { $0.unit == .tenThousandYuan }
    return elaborationWords.flatMap { reader.occurrences(of: $0, in: start..<end) }.compactMap { offset in
      guard figures.contains(where: { $0.textRange.lowerBound > start && $0.textRange.upperBound <= offset }) else {
        return nil
      }
      return offset..<(reader.occurrences(of: "；", in: offset..<end).first ?? end)
    }
  }

  /// Where the brackets open before `marker` (counted from `start`) close after it; nil when
  /// `marker` is in no brackets.
  private static func closingBracket(_ bytes: [UInt8], around marker: Int, from start: Int) -> Int? {
    // `bracketed` to the text's end: the stretch holding `marker` ends at its closing bracket (or at
    // the end, when none closes it).
    guard let stretch = bracketed(bytes, from: start, upTo: bytes.count).first(where: { $0.contains(marker) }),
      stretch.upperBound < bytes.count
    else { return nil }
    return stretch.upperBound
  }

  /// `parts` without those that are a part of another part: one whose share names an earlier
  /// part as its whole ("授予中小企业合同金额 8.00 万元，…，授予小微企业合同金额 5.00 万元，占授予中小企业
  /// 合同金额的 62.50%").
  private static func droppingSubParts(
    _ parts: [Paragraph.Number], _ reader: NarrativeReader, marker: Int
  ) -> [Paragraph.Number] {
    var kept: [Paragraph.Number] = []
    var labels: [String] = []
    for (index, part) in parts.enumerated() {
      let start = index == 0 ? marker : parts[index - 1].textRange.upperBound
      let label = reader.paragraph.text(in: start..<part.textRange.lowerBound).utf8Text.removingWhitespace()
      let followingEnd =
        index + 1 < parts.count
        ? parts[index + 1].textRange.lowerBound
        : min(
          reader.bytes.count, part.textRange.upperBound + 90)
      let following = reader.paragraph.text(in: part.textRange.upperBound..<followingEnd).utf8Text.removingWhitespace()
      let namedWhole = following.utf8Text.range(of: "占").flatMap { share -> String? in
        let rest = following[share.upperBound...]
        guard let of = rest.utf8Text.range(of: "的") else { return nil }
        let name = String(rest[..<of.lowerBound])
        return name.utf8Text.hasPrefix("授予") ? String(name.dropFirst(2)) : name
      }
      if let namedWhole, namedWhole.count >= 2, labels.contains(where: { $0.utf8Text.contains(namedWhole) }) {
        continue
      }
      // 小微企业 are some of the 中小企业 named before: "面向中小企业预留 34 万元，预留给小微企业 34 万元".
      if label.utf8Text.contains("小微") || label.utf8Text.contains("小型和微型"),
        labels.contains(where: { $0.utf8Text.contains("中小企业") })
      {
        continue
      }
      kept.append(part)
      labels.append(label)
    }
    return kept
  }

  /// The stretches of `bytes[start..<end]` inside brackets （…） or (…): an offset is inside while
  /// more brackets opened than closed between `start` and it, in one pass.
  private static func bracketed(_ bytes: [UInt8], from start: Int, upTo end: Int) -> [Range<Int>] {
    let end = min(end, bytes.count)
    var result: [Range<Int>] = []
    var depth = 0
    var opened = start
    var index = start
    while index < end {
      if bytes[index] == 0x28 || UTF8Text.has(Self.fullWidthOpen, at: index, in: bytes) {
        depth += 1
        if depth == 1 { opened = index }
      } else if bytes[index] == 0x29 || UTF8Text.has(Self.fullWidthClose, at: index, in: bytes) {
        if depth == 1 { result.append(opened..<index) }
        depth -= 1
      }
      index += 1
    }
    if depth >= 1 { result.append(opened..<end) }
    return result
  }
}
