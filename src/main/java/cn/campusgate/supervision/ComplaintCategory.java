package cn.campusgate.supervision;

/** What a complaint is about: the categories districts publish with their hotlines (REQUIREMENTS.md, R-6). */
public enum ComplaintCategory {
    /** 未经审批报备或未经学校同意进校园. */
    NO_BASIS,
    /** 布置与教育教学无关的任务：调查问卷、网络投票、普查、数据填报. */
    UNRELATED_TASKS,
    /** 强制下载应用程序、关注账号、打卡、答题. */
    FORCED_APPS,
    /** 过多过频、材料繁杂：同一主题反复进校、检查评比层层加码. */
    TOO_MANY,
    /** 指尖上的形式主义：工作群刷屏、拍照留痕、接龙点赞、报送简报. */
    FINGERTIP_FORMALISM,
    /** 抽调借用教师或安排教师到校外从事无关工作. */
    TEACHERS_DRAWN_AWAY,
    /** 商业广告、商业活动或借机收费. */
    COMMERCIAL_OR_FEES,
    /** 其他加重教师负担的社会事务. */
    OTHER
}
