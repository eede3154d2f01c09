/// Example tables shared by the perf/* rules' descriptions.
enum PerfExamples {
  /// A small project self-evaluation table (TSV): funds row 10 points, two indicators 50 + 40.
  static func table(
    score: String, secondScore: String, fundsScore: String = "10", rate: String = "100.00", executed: String = "50.00",
    grade: String = "", year: String = "2023", secondActual: String = "95%", secondReason: String = ""
  ) -> String {
    """
    2023年度部门决算
    项目支出绩效自评表
    (\(year)年度)
    项目名称\t\t示例培训项目
    项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
    \t年度资金总额\t50.00\t50.00\t\(executed)\t10\t\(rate)\t\(fundsScore)
    绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
    \t产出指标\t数量指标\t培训次数\t≥2次\t3次\t50\t50\t
    \t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t\(secondActual)\t40\t\(secondScore)\t\(secondReason)
    总分\t\t\t\t\t100\t\(score)\t\(grade)

    """
  }

  /// A department-wide self-evaluation table (TSV): 部门预算总额 317.05 / 162.25 / 162.25, 总分 96.56.
  static let departmentTable = """
    2023年度部门决算
    部门整体支出绩效自评表
    (2023年度)
    部门（单位）名称\t\t示例中心
    部门整体支出情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分
    \t部门预算总额\t317.05\t162.25\t162.25\t10\t100%\t10
    绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施
    \t产出指标\t数量指标\t服务次数\t≥2次\t3次\t50\t50\t
    \t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t95%\t40\t36.56\t
    总分\t\t\t\t\t100\t96.56\t


    """
}
