/// One counted column of the work log: the union of the two notices' statistics tables
/// (notice 1's 驻点监督工作情况统计表, notice 2's 附件4), in the order the work log shows them.
///
/// Each counter knows the column of each notice's table it adds up into (nil: that notice
/// does not count it). Counts are whole numbers, except 万元 (money), which may have decimals.
public enum WorkLogCounter: Int, CaseIterable, Sendable, Comparable {
    case responsibilityLists, rules, morningMeetings, warningEducation, training, drills, rewardedReporting,
         staffRewarded, diagnoses, dangerousWork, hazardsFound, hazardsRectified, majorHazardsFound,
         majorHazardsRectified, penaltyProposals, otherMatters

    /// The work log's column title.
    public var title: String {
        switch self {
        case .responsibilityLists: return "核查全员责任清单（人）"
        case .rules: return "指导完善规章制度（条）"
        case .morningMeetings: return "督促召开晨会（次）"
        case .warningEducation: return "督促开展警示教育（场次）"
        case .training: return "督促开展安全培训（场次）"
        case .drills: return "督促开展应急演练（次）"
        case .rewardedReporting: return "督促落实有奖举报（万元）"
        case .staffRewarded: return "督促企业奖励职工（人次）"
        case .diagnoses: return "开展安全诊断（次）"
        case .dangerousWork: return "现场监督危险作业（次）"
        case .hazardsFound: return "发现隐患（项）"
        case .hazardsRectified: return "已整改（项）"
        case .majorHazardsFound: return "发现重大事故隐患（项）"
        case .majorHazardsRectified: return "其中已整改（项）"
        case .penaltyProposals: return "提出行政处罚或问责建议（条）"
        case .otherMatters: return "其他事项（项）"
        }
    }

    /// Money (万元) may have decimals; everything else is counted in whole units.
    public var allowsDecimals: Bool { self == .rewardedReporting }

    /// Notice 1's 驻点监督工作情况统计表, columns after 派驻人员 and 派驻企业, as the notice titles them.
    public static let noticeOneColumns: [(title: String, counter: WorkLogCounter)] = [
        ("督促企业完善规章制度（条）", .rules), ("核查全员责任清单数（人）", .responsibilityLists),
        ("开展安全诊断（次）", .diagnoses), ("督促企业开展安全培训（场次）", .training), ("召开晨会（次）", .morningMeetings),
        ("督促企业开展警示教育（场次）", .warningEducation), ("督促企业开展应急演练（次）", .drills),
        ("督促企业排查隐患（个）", .hazardsFound), ("督促企业奖励职工（人次）", .staffRewarded),
        ("发现重大隐患（个）", .majorHazardsFound), ("提出行政处罚或问责建议（条）", .penaltyProposals),
        ("其他事项", .otherMatters),
    ]

    /// Notice 2's 附件4, columns after 派出驻点监督人员 and 派驻企业单位, as the notice titles them.
    public static let noticeTwoColumns: [(title: String, counter: WorkLogCounter)] = [
        ("核查全员责任清单（人）", .responsibilityLists), ("指导完善规章制度（条）", .rules),
        ("督促召开“晨会”（次）", .morningMeetings), ("督促开展警示教育（场次）", .warningEducation),
        ("督促开展应急演练（次）", .drills), ("督促落实有奖举报（万元）", .rewardedReporting),
        ("现场监督危险作业（次）", .dangerousWork), ("发现隐患（项）", .hazardsFound), ("已整改（项）", .hazardsRectified),
        ("其中发现重大事故隐患（项）", .majorHazardsFound), ("已整改（项）", .majorHazardsRectified),
    ]

    public static func < (a: WorkLogCounter, b: WorkLogCounter) -> Bool { a.rawValue < b.rawValue }
}
