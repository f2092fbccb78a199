package cn.campusgate.monitoring;

/** Demands made on the school that the policy calls box-ticking formalism (重留痕轻实效, R-2 无效). */
public enum Demand {
    /** 打卡. */
    CHECK_IN,
    /** 接龙. */
    CHAIN_SIGN_UP,
    /** 点赞、转发. */
    LIKES,
    /** 做题、答题. */
    QUIZ,
    /** 拍照、录视频. */
    PHOTOS,
    /** 报送简报、心得、总结. */
    BRIEFING,
    /** 下载、注册 APP. */
    APP_DOWNLOAD,
    /** 填报数据、表格. */
    DATA_FILLING
}
