package cn.campusgate.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.campusgate.screening.ScreeningRule.FlagHit;

/**
 * The rules of R-2 and of the higher-level rules table, each citing the action plan verbatim. Patterns run
 * over normalised text (NFKC, lower case). {@code G(n)} is a gap of at most n characters that stays inside
 * one clause, so "教师…执勤" must be said in one breath to count.
 */
final class RuleCatalogue {

    static final String PLAN = "《合川区规范社会事务进校园为中小学教师减负专项整治行动方案》";
    static final String MOE = "教育部办公厅 教师厅〔2025〕2号（据公开报道）";

    // ---- the action plan, quoted verbatim (seed/action-plan.zh.txt) ----
    static final String Q_COMMERCIAL = "三、整治重点（一）：“各类商业广告、商业活动及其他借机收费的社会事务进入校园”";
    static final String Q_OFF_CAMPUS = "三、整治重点（一）：“安排中小学教师到与教育教学无关的场所参加维护稳定、扫黑除恶、防灾减灾、"
            + "消防安全、节能减排、城市创优评先、公共文化体育活动等专项工作”；四（六）：“不得将校门外安全责任向学校、教师不当延伸”";
    static final String Q_SECONDMENT = "三、整治重点（一）：“抽调借用中小学教师从事与教育教学无关的工作”";
    static final String Q_UNRELATED = "三、整治重点（一）：“……城市创优评先、公共文化体育活动等专项工作”；一、工作目标："
            + "“进一步减轻中小学校及教师非教育教学负担”";
    static final String Q_NO_APPROVAL = "三、整治重点（二）：“社会事务未按规定程序审批报备随意进入校园”；四（三）：“未纳入白名单但确需"
            + "临时开展的社会事务进校园按一事一审原则，由事项开展部门提前2周依程序审批报备实施”";
    static final String Q_FREQUENT = "三、整治重点（二）：“同一或相近主题活动频繁、多部门组织进入校园”";
    static final String Q_INSPECTION = "三、整治重点（二）：“面向中小学校和教师的督查检查评比考核事项频繁重复、层层加码、增加环节”";
    static final String Q_DUPLICATE = "三、整治重点（三）：“进校园社会事务与学校现有教育教学安排重复”；四（四）：“推动进校园活动与学科"
            + "教学、班团队会、综合实践活动、课后服务、校园文化建设等学校日常教育和管理工作有机融合”";
    static final String Q_TRACES = "三、整治重点（三）：“活动开展只追求参与率、达标率、曝光度，滥用应用程序和工作群组、打卡、接龙、"
            + "点赞、做题、拍照、简报等重留痕轻实效行为”";
    static final String Q_RANKING = "三、整治重点（三）：“活动开展只追求参与率、达标率、曝光度”；四（六）：“破除重痕迹轻实效的考核评价"
            + "方式。不得将社会事务进校园完成情况与学校、教师考核评价挂钩”";
    static final String Q_PAPERWORK = "三、整治重点（三）：“……拍照、简报等重留痕轻实效行为”；四（六）：“破除重痕迹轻实效的考核评价方式”";
    static final String Q_AFTER_ASSIGN = "三、整治重点（三）：“工作刚安排就开展督查检查评比考核”";

    static final String SIMILAR_THEME = "R2-DIS-SIMILAR-THEME";

    /** Within days: 当天, 次日, 第三天, 三日内, 一周内 … */
    private static final String SOON = "(?:当天|当日|次日|隔天|第[二三四五两2-5]天|[一二三两1-3](?:天|日)内|一周内|一星期内|几天内|数日内)";

    private static final String TEACHER = "(?:教师|老师|教职工|教职员工|班主任|任课教师|校长|教研员)";
    /** G(20) naming no student: "班主任带领学生轮流执勤" is the students' duty, not the teacher's. */
    private static final String NO_STUDENT_G20 =
            "(?:(?!学生|少先队员|队员|红领巾|孩子|幼儿)[^，,。；;！!？?\\n但却]){0,20}";
    private static final String INSPECT = "(?:督查|督导|检查|评比|考核|验收|暗访|抽查|考评|巡查|排查)";

    private final List<ScreeningRule> rules;

    RuleCatalogue() {
        rules = Stream.of(
                // ------------------------------------------------------------ 无关 IRRELEVANT
                rule("R2-IRR-COMMERCIAL", RuleFamily.IRRELEVANT, Severity.REFUSE, Q_COMMERCIAL, PLAN + "三（一）", false,
                        flag(ScreeningInput::commercial, "commercial"),
                        "商业",
                        "(?<!公益|虚假|违法|非法|不良)广告(?!识别|陷阱|法)",
                        "推销|促销|带货|兜售|团购|代购",
                        "(?:现场|校内|校园内|向学生|向家长|进校|在校)" + G(4) + "(?:销售|售卖|出售)|(?:销售|售卖|出售)" + G(6) + "(?:给|于)?(?:学生|家长)",
                        "推广" + G(8) + "(?:产品|品牌|课程|会员|学习机|平板|点读|教辅|用品|商品)",
                        "(?:企业|公司|商家|厂家|厂商|某)品牌|品牌(?:推广|宣传|产品|展示|商品|用品|标识|logo|专柜)",
                        "赞助商|冠名|企业赞助|商家赞助|广告位",
                        "(?:注册|开通|办理|购买|充值)" + G(2) + "(?:会员|vip)|会员费",
                        "(?:机构|公司|企业|商家|厂家|厂商)" + S(20) + "(?:发放|派发|推介|介绍|推荐|宣传)" + G(8)
                                + "(?:课程|产品|商品|宣传册|报名表|优惠|服务|会员|套餐)",
                        "(?:校外)?(?:培训机构|教培机构|辅导机构|培训学校)|招生宣传|(?:免费|试听|英语|培训班)体验课|试听课|优惠券|代金券|打折|折扣价|会员卡|赠品",
                        "产品(?:介绍|推介|试用|推广|促销)|推介会|试用装|(?:赠送|免费|发放)样品",
                        "赞助企业|(?:赞助|企业|公司|厂家|商家)" + G(4) + "(?:产品|商品)"),
                rule("R2-IRR-FEES", RuleFamily.IRRELEVANT, Severity.REFUSE, Q_COMMERCIAL, PLAN + "三（一）", false,
                        flag(ScreeningInput::chargesStudents, "chargesStudents"),
                        "收费|缴费|交费|付费|自费|自付|收款|收款码|付款码|扫码支付",
                        "收取" + G(6) + "(?:费|元|押金|款)|缴纳" + G(6) + "(?:费|元|款)|代收" + G(6) + "(?:费|款|钱)",
                        "费用" + G(3) + "(?:由|需)" + G(4) + "(?:学生|家长|个人|自理)|(?:学生|家长|个人)" + G(2)
                                + "(?:承担|支付|自理|负担)" + G(4) + "费",
                        "(?:每人|每生|每位|人均|每名学生|每名)" + G(6) + "\\d+(?:\\.\\d+)?元|\\d+(?:\\.\\d+)?元\\s*(?:/|每)\\s*(?:人|生|名|位)",
                        "报名费|材料费|资料费|服装费|器材费|门票|押金|会费|培训费|研学费|保险费|书本费|教材费|服务费|工本费",
                        "(?:推荐|建议|要求|统一|动员|引导)" + G(4) + "(?:购买|订购|购置)",
                        "(?:组织|要求|动员|让|请|须|需|统一)" + G(4) + "(?:学生|家长|孩子)" + G(6) + "(?:购买|认购|订购|选购|团购)",
                        "(?:购买|认购|订购|选购|团购)" + G(10) + "(?:每人|每生|至少|一份|一套|一本|\\d+元)",
                        "(?:购买|购置|订购|征订|订阅|选购|团购|认购)" + G(8)
                                + "(?:教材|资料|读本|书籍|图书|用品|服装|校服|保险|门票|器材|套装|产品|学习机|平板|报刊|杂志|手册|课程|服务|礼包)")
                        .veto("为学校|为各校|为学生|为师生|为全体|向学校赠送|免费|赠送|捐赠|资助|由主办|由部门|由承办|财政|经费保障|专项经费|不向|乱收费")
                        .veto("由(?!学生|家长|个人|参与者|参加者)[^，,。；;]{1,10}(?:承担|负担|支付|出资|提供|买单)"),
                rule("R2-IRR-OFF-CAMPUS-DUTY", RuleFamily.IRRELEVANT, Severity.REFUSE, Q_OFF_CAMPUS, PLAN + "三（一）、四（六）", true,
                        RuleCatalogue::offCampusFlag,
                        TEACHER + NO_STUDENT_G20 + "(?:执勤|值勤|值守|站岗|巡逻|劝导|蹲守|维持秩序|秩序维护|疏导交通|卡点|上街|街头|入户|"
                                + "清扫街道|捡拾垃圾|发放传单|发传单|摆摊|设点宣传|凑人数|充当观众|护学岗|迎检|赛事服务|核酸采样|指挥交通|交通指挥|"
                                + "网格员|网格化管理|社区治理|(?:防汛|维稳|镇街|社区|节假日|应急|森林防火)值班)",
                        TEACHER + G(12) + "(?:参加|参与|协助|从事|投入|负责|担任|承担)" + G(10)
                                + "(?:维稳|维护稳定|扫黑除恶|创文|创卫|文明城市|卫生城市|节能减排|马拉松|禁燃禁放|森林防火|防汛|"
                                + "人口普查|经济普查|疫情防控|核酸|城市创优|创优评先)(?![^，,。；;！!？?\\n]{0,6}(?:培训|教育|知识|课|讲座|学习|教学))",
                        "(?:执勤|值守|站岗|巡逻|劝导|护学岗|卡点)" + G(10) + "(?:需要|需|抽调|安排|派|由)" + G(4) + TEACHER,
                        TEACHER + G(12) + "到" + G(8) + "(?:社区|街道|广场|村社|集镇|景区|场馆|车站|商圈|路口|卡点|现场|市场)" + G(8)
                                + "(?:宣传|服务|值守|执勤|劝导|检查|登记|发放|巡查|维持)",
                        "校门外" + G(10) + "(?:安全|值守|执勤|护学)" + G(8) + TEACHER,
                        TEACHER + G(8) + "(?:在|到|于)校门外" + G(8) + "(?:值守|执勤|站岗|护导|疏导|维持|指挥|路口|协助)"),
                rule("R2-IRR-SECONDMENT", RuleFamily.IRRELEVANT, Severity.REFUSE, Q_SECONDMENT,
                        PLAN + "三（一）；" + MOE + "：借用一名教师不超过6个月", true, none(),
                        "(?:抽调|借调|借用|抽借|抽派|抽出|调用|抽人)" + G(8) + TEACHER,
                        TEACHER + G(4) + "(?:被)?(?:抽调|借调|借用|抽借)",
                        "(?:抽调|借调|借用)" + G(4) + "(?:人员|人手|骨干)" + G(10) + "(?:学校|各校|中小学)"),
                rule("R2-IRR-UNRELATED-TASK", RuleFamily.IRRELEVANT, Severity.WARN, Q_UNRELATED, PLAN + "一、三（一）", false, none(),
                        "(?:文明城市|卫生城市|园林城市|双拥模范城)(?:创建|测评|复审|迎检|考核|检查|暗访)|创建" + G(4)
                                + "(?:文明城市|卫生城市)|创文|创卫|国卫复审|城市创优|创优评先",
                        "(?:人口|经济|农业)普查|入户登记|入户调查",
                        "(?:代收|催缴|收集|统计|督促)" + G(8) + "(?:医保|社保|保险|参保|缴费凭证|缴费截图|缴费记录)",
                        "(?:充当|凑)" + G(2) + "(?:观众|人数|拉拉队)|撑场面|站台捧场",
                        "(?:组织|安排|动员|要求)" + G(4) + "(?:学生|少先队员)" + G(10) + "(?:上街|街头|发放传单|发传单|宣传单|站岗|执勤|劝导)",
                        "(?:组织|安排|抽调|动员|要求)" + G(10) + "(?:学生|师生|教师|老师|教职工)" + G(16)
                                + "(?:方阵|开幕式|闭幕式|庆典|晚会|观众|拉拉队|礼仪)"),
                // ------------------------------------------------------------ 无序 DISORDERLY
                rule("R2-DIS-NO-APPROVAL", RuleFamily.DISORDERLY, Severity.WARN, Q_NO_APPROVAL, PLAN + "三（二）、四（三）", false, none(),
                        "未经" + G(4) + "(?:审批|批准|报备|备案|同意|许可)",
                        "未(?:审批|报批|报备|备案)|未报" + G(2) + "(?:审批|批准|备案)|没有(?:审批|报备|备案)|尚未(?:审批|报备|备案|批准)",
                        "(?:没有|未见|没看到|未看到|无)" + G(4) + "(?:审批|批准|报备|备案)(?:文件|手续|材料|程序)?",
                        "事先(?:没有|未|没)" + G(4) + "(?:通知|报备|审批|沟通|联系)|(?:突然|临时)(?:进校|到校|入校)",
                        "先行(?:进校|入校|进入校园)|审批" + G(6) + "(?:正在办理|尚在办理|办理中|尚未|还未|未完成|未办)",
                        "不经" + G(2) + "(?:审批|报备|备案|教委)|无需(?:审批|报备|备案|报批)|免于(?:审批|报备)",
                        "先" + G(2) + "(?:进校|入校|开展|实施|进入校园)" + G(8) + "(?:后|再)" + G(4) + "(?:补办|补报|补批|审批|报备|备案)",
                        "补办" + G(4) + "(?:审批|报备|备案|手续)|事后补报|边开展边报批|边实施边报备",
                        "(?:绕过|跳过)" + G(6) + "(?:审批|教委|程序)",
                        "(?:直接|自行)" + G(2) + "(?:进入校园|进校|入校|联系学校|对接学校|通知学校|下发学校|派发到校)",
                        "临时(?:通知|决定|安排)" + G(6) + "(?:进校|到校|入校|学校)")
                        .veto("审批通过|(?<![未不])经(?:审批|批准)|(?<![未不])经" + G(6) + "(?:审批|批准)|批准后|备案后|报备后|白名单|按程序|依程序|审核同意").insideIsPattern(),
                rule("R2-DIS-FREQUENT", RuleFamily.DISORDERLY, Severity.WARN, Q_FREQUENT,
                        PLAN + "三（二）；" + MOE + "：每所学校每学期进校活动不超过6项", false, RuleCatalogue::frequencyFlag,
                        "(?:每个?周|每天|每日|每半月|每两周|隔周|每个?星期|每个月)" + G(6) + "(?:进校|入校|到校(?!门)|进入校园|走进校园|开展" + G(4)
                                + "(?:讲座|宣讲|宣传|培训|演练)|举办" + G(4) + "(?:讲座|宣讲)|宣讲|授课)",
                        "(?:反复|重复|多次|频繁|轮番|多头|再次|又一次|再度)" + G(6) + "(?:进校|入校|进入校园|到校|开展|组织|举办)",
                        "(?:已|曾|已经)" + G(8) + "(?:开展过|举办过|进校过|组织过)" + G(8) + "(?:类似|相同|同类|相近|同一|同样)",
                        "(?:类似|相同|同类|相近|同一)(?:主题|内容|宣讲|活动)" + G(8) + "(?:已|曾|再次|又|多次)",
                        "(?:多个部门|多部门|各部门|多家单位|各单位)" + G(4) + "分别|分别" + G(6) + "(?:进校|入校|到校(?!门)|到" + G(6) + "学校|进入" + G(4) + "学校)",
                        "、" + G(12) + "分别" + G(8) + "(?:进校|到校(?!门)|学校|开展|组织)",
                        "(?:同一|相同|类似|相近)主题" + G(8) + "(?:多次|再次|重复|分别|又)")
                        .veto("整合|合并|统筹|融合|一次性|集中开展"),
                rule("R2-DIS-INSPECTION", RuleFamily.DISORDERLY, Severity.WARN, Q_INSPECTION,
                        PLAN + "三（二）；" + MOE + "：县级及以上综合性督查检查每校每年不超过1次", false, none(),
                        INSPECT + G(10) + "(?:每周|每月|每半月|每季度|每学期|月度|季度|(?<!不)定期|频繁|反复|重复|多次|多轮|层层|逐级|"
                                + "各级|交叉|加码|[二两三四多]级|(?:\\d+|[二两三四五六七八九十])次)",
                        "(?:每周|每月|每半月|每季度|每学期|月度|季度|(?<!不)定期|频繁|反复|重复|多次|多轮|层层|逐级|各级|交叉|[二两三四多]级)" + G(10) + INSPECT,
                        "层层加码|层层上报|逐级上报|层层签订|增加环节|自查" + G(6) + "(?:复查|抽查|督查)|复查|再查|重复检查|多头检查|反复检查",
                        "(?:签订|签署)" + G(6) + "(?:安全)?责任书")
                        .veto("视力|健康检查|体检|身体检查|口腔检查|检查身体|视力检查|体质测试|体质监测|心理测评"),
                // ------------------------------------------------------------ 无效 INEFFECTIVE
                rule("R2-INE-DUPLICATE-TEACHING", RuleFamily.INEFFECTIVE, Severity.WARN, Q_DUPLICATE, PLAN + "三（三）、四（四）", false,
                        none(),
                        "(?:学校|课程|课堂|教材|课本|学科|课时|校本课程|班会|道德与法治|道法课|体育课|科学课|心理课|健康教育课|综合实践|"
                                + "信息技术课|劳动课|思政课)" + G(10) + "(?:已|已经|早已|均已)" + G(2)
                                + "(?:开设|覆盖|包含|涵盖|讲授|教授|学习过|学过|教过|讲过|列入)",
                        "(?:与|和|同)" + G(14) + "(?:课程|课堂|教学|教材|课本|学科|课|教育|内容|安排|计划)" + G(6)
                                + "(?:重复|重叠|重合|雷同|相同|一致|一样)",
                        "(?:重复|再次|再)" + G(2) + "(?:讲授|授课|上课|教学)",
                        "(?:即|就是|照搬|沿用|照本宣科)" + G(8) + "(?:教材|课本)" + G(10) + "(?:单元|章节|内容|课)",
                        "(?:内容|讲授|讲解|授课)" + G(4) + "(?:即|就是|与|同|照搬|沿用)" + G(10) + "(?:教材|课本|课程)" + G(12)
                                + "(?:单元|章节|内容|相同|一致|重复)"),
                rule("R2-INE-RATES", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）", false, none(),
                        "(?:参与|参学|参赛|参加|完成|达标|覆盖|知晓|合格|注册|登录|激活|安装|关注|收看|观看|学习|答题|上报|提交|普及|"
                                + "报名|参训|签约|下载|转发|点击|到课|入群|正确|优秀|及格)率",
                        "(?:以|按|用)" + G(4) + "(?:参与|参加|观看|覆盖|完成|学习)" + G(2) + "(?:人数|人次|数量)" + G(4) + "(?:衡量|评价|考核|计算|统计)",
                        "参与度|曝光度|曝光率|曝光量|关注度|点击量|阅读量|浏览量|播放量|转发量|点赞量|观看量|下载量|观看人次|学习人次|"
                                + "参与人次|粉丝量|粉丝数|上稿|见报|刷屏|上热搜",
                        "统计" + G(6) + "(?:人数|人次|数量|率)",
                        "(?:媒体|宣传)报道" + G(4) + "(?:\\d+|[一二三四五六七八九十]+)(?:篇|条|次)",
                        "(?:100|百分之百|百分百)%?" + G(4) + "(?:参与|覆盖|完成|达标|知晓|参加)",
                        "全员" + G(2) + "(?:参与|参加|完成|覆盖)" + G(8) + "(?:统计|通报|考核|上报|确保|达到)",
                        "确保" + G(8) + "(?:\\d+%|百分之|全覆盖|全员)",
                        "(?:参与|参加|覆盖|观看|收看|学习)" + G(6) + "(?:不少于|不低于|达到|超过)" + G(4)
                                + "(?:\\d+|[一二三四五六七八九十百千万]+)(?:人|人次|%|名|万)"),
                rule("R2-INE-RANKING", RuleFamily.INEFFECTIVE, Severity.WARN, Q_RANKING, PLAN + "三（三）、四（六）；REQUIREMENTS R-7", false,
                        none(),
                        "排名(?!不分)|排行|排行榜|积分榜|名次|末位|红黑榜|晾晒|倒数" + G(4) + "(?:通报|约谈|名)",
                        "(?:通报|公布|公示)" + G(8) + "(?:排名|完成情况|完成进度|进度|落后|未完成)",
                        "(?:纳入|计入|列入|作为|折算)" + G(12) + "(?:考核|考评|评价|评优|评先|绩效|职称|年终|目标管理|评选|评比)",
                        "(?:对|将)" + G(10) + "(?:学校|各校|教师|班主任|班级)" + G(10) + "(?:考核|考评|评比|打分|计分)|通报(?:表扬|批评)",
                        "与" + G(12) + "(?:考核|考评|评价|绩效|评优|职称|评先)" + G(4) + "挂钩|挂钩" + G(8) + "(?:考核|考评|绩效|评优)",
                        "(?:评选|评比|评出|表彰)" + G(8) + "(?:优秀|先进|最佳)" + G(2) + "(?:组织奖|组织单位|学校|班级|教师|班主任|集体|单位)"),
                rule("R2-INE-APPS", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）；" + MOE + " 第5项：不得使用带打卡、积分排名、在线时长统计功能的应用程序", false,
                        none(),
                        "(?:下载|安装|注册|登录|登陆|激活|绑定|关注|订阅|扫码关注|实名认证|认证)" + G(8)
                                + "(?:app|应用程序|应用|客户端|小程序|公众号|视频号|抖音|快手|微博|平台账号|账号|账户|软件)",
                        "(?:app|客户端|小程序|公众号|视频号)" + G(8) + "(?:下载|安装|注册|关注|激活|绑定|登录)",
                        "(?:在线|学习|登录|观看|收看|观影)时长|挂机|刷时长|学习积分|积分(?:排名|排行|榜|兑换)|(?:统计|记录)" + G(6)
                                + "(?:在线|登录|学习)(?:时间|时长|次数)",
                        "(?:安全教育平台|学习强国|学习平台|云平台|网络平台|线上平台|教育平台)" + G(10)
                                + "(?:完成|答题|打卡|登录|注册|作业|时长|截图)",
                        "(?:在|通过|登录)(?:app|小程序|公众号|客户端|平台)" + G(4) + "(?:签到|打卡|答题|完成)"),
                rule("R2-INE-WORK-GROUPS", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）", false, none(),
                        "(?:工作群|家长群|班级群|微信群|qq群|钉钉群|企业微信群|群聊|群内|群里|朋友圈)" + G(10)
                                + "(?:转发|接龙|打卡|截图|上传|晒|回复|报数|督促|催|签到|投票|统计|通报|每日|每天|汇报|报告|上报|反馈|报送|填报)",
                        "(?:转发|分享|晒)" + G(6) + "(?:朋友圈|家长群|班级群|微信群|工作群|群里|群内)",
                        "转发" + G(8) + "(?:截图|截屏)"),
                rule("R2-INE-CHECK-IN", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）；" + MOE + " 第3、5项", false, none(),
                        "打卡|(?:每日|每天|每周|线上|定位|在线|按时)" + G(8) + "签到|(?:平台|app|小程序|群)" + G(4) + "签到"),
                rule("R2-INE-CHAIN", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）", false, none(),
                        "接龙"),
                rule("R2-INE-LIKES", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）", false, none(),
                        "点赞|集赞|拉票|刷票|(?<!民主)投票(?!箱)|助力(?:链接|小程序|砍价)"),
                rule("R2-INE-QUIZ", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）", false, none(),
                        "做题|答题|刷题|竞答|(?:线上|在线|网上|app|小程序|平台)" + G(4) + "闯关|(?:在线|线上|网上|网络)(?:测试|测验|考试|知识竞赛|竞赛)|测试题|试题|知识测验")
                        .veto("现场|课堂上|课堂互动|有奖问答|抢答"),
                rule("R2-INE-PHOTOS", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）；" + MOE + " 第3项：不得以拍照等方式检查落实情况", false,
                        none(),
                        "拍照|拍摄" + G(6) + "(?:照片|视频|图片)|照片|截图|截屏|录屏|留痕",
                        "(?:上传|上报|提交|报送|提供|留存|收集)" + G(6) + "(?:图片|视频|影像)")
                        .veto("摄影作品|摄影比赛|摄影展|照片展|图片展|展出|展览|老照片|历史照片"),
                rule("R2-INE-BRIEFINGS", RuleFamily.INEFFECTIVE, Severity.WARN, Q_TRACES, PLAN + "三（三）；" + MOE + " 第3项：不得以心得、简报等方式检查落实情况", false,
                        none(),
                        "简报|美篇|信息报送|新闻稿|通讯稿|宣传稿|心得体会|心得|观后感|读后感|学习感悟|手抄报|总结材料|活动总结|工作总结|小结",
                        "(?:报送|上报|提交|撰写|上传)" + G(6) + "(?:总结|报告|材料|稿件)",
                        "自查报告|总结报告|工作报告|情况报告|经验材料")
                        .veto("实施方案|申请材料|审批材料|报备材料|申报材料"),
                rule("R2-INE-PAPERWORK", RuleFamily.INEFFECTIVE, Severity.WARN, Q_PAPERWORK, PLAN + "三（三）、四（六）", false, none(),
                        "台账|佐证材料|佐证资料|过程性材料|过程材料|档案资料|痕迹资料|回执|签字确认|家长签字|签名确认|报表|统计表|汇总表|一览表",
                        "(?:填报|填写|报送|上报)" + G(6) + "(?:表格|数据|信息表|登记表|排查表|进展|情况)",
                        "(?:上传|提交|上报)" + G(6) + "(?:证明|证书|学习记录|凭证|截屏)",
                        "(?:学校|教师|老师|班主任|各校)" + G(8) + "(?:准备|整理|制作)" + G(4) + "材料")
                        .veto("突发|异常|紧急|险情|事故|同意"),
                rule("R2-INE-INSPECT-AFTER-ASSIGN", RuleFamily.INEFFECTIVE, Severity.WARN, Q_AFTER_ASSIGN, PLAN + "三（三）", false, none(),
                        "(?:部署|布置|下发|印发|安排|启动|通知)" + G(4)
                                + "(?:当天|当日|次日|第二天|隔天|即|随即|立即|马上|同步|同时|后即|后立即|后马上|后随即|后\\d+日内|后[一二三两]天内|后一周内)"
                                + G(8) + "(?:督查|检查|验收|考核|评比|暗访|抽查|督导|核查)",
                        "刚" + G(6) + "(?:部署|布置|安排|下发)" + G(8) + "(?:就|即)" + G(6) + "(?:督查|检查|验收|考核)",
                        "边部署边(?:检查|督查)|(?:当天|当日)(?:下发|布置|部署)" + G(4) + "(?:当天|当日)(?:检查|督查|上报)",
                        "(?:部署|布置|下发|印发)" + S(12) + "(?:" + SOON + "|随即|立即|马上)" + S(8)
                                + "(?:督查|检查|验收|考核|评比|暗访|抽查|督导)",
                        "(?:开展|部署|布置|下发|安排|印发)(?:后|之后)" + S(8) + SOON + S(10)
                                + "(?:检查|督查|验收|考核|暗访|抽查)",
                        "(?:下发|部署|布置|印发)" + S(10) + "(?:当天|当日|立即|马上|次日)" + S(6) + "(?:反馈|上报|报送)" + G(6)
                                + "(?:落实|完成|情况|结果)"))
                .map(Builder::build).toList();
    }

    List<ScreeningRule> rules() {
        return rules;
    }

    // ---------------------------------------------------------------- flags

    private static final Pattern OFF_CAMPUS_DUTY = Pattern.compile(
            "维稳|维护稳定|扫黑除恶|防灾减灾|消防|节能减排|创文|创卫|文明城市|卫生城市|创优评先|公共文化|体育活动|赛事|马拉松|演出|"
            + "庆典|执勤|值守|站岗|巡逻|劝导|普查|入户|防汛|森林防火|禁燃禁放|疫情|迎检|卡点|护学岗|志愿服务");

    private static Optional<FlagHit> offCampusFlag(ScreeningInput input) {
        if (!Boolean.TRUE.equals(input.teachersLeaveCampus())) {
            return Optional.empty();
        }
        for (String text : Arrays.asList(input.title(), input.theme(), input.content(), input.form(),
                input.teacherInvolvement())) {
            if (text != null) {
                var matcher = OFF_CAMPUS_DUTY.matcher(ChineseText.normalize(text));
                while (matcher.find()) {
                    String masked = Negation.mask(ChineseText.normalize(text));
                    if (!Negation.negated(masked, matcher.start(), matcher.end(), false)
                            && !studentsDoIt(ChineseText.normalize(text), matcher.start())) {
                        return Optional.of(new FlagHit("teachersLeaveCampus", matcher.group()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static final String STUDENT = "(?:学生|少先队员|队员|红领巾|小志愿者|学生志愿者|孩子|幼儿)";
    private static final Pattern ACTOR = Pattern.compile(TEACHER + "|" + STUDENT);

    /**
     * Whether the duty at {@code at} is the students' (学生文明交通执勤, 班主任带领学生执勤): the nearest person named
     * before it in the same clause is a student. A teacher who accompanies students off campus does not turn
     * the students' traffic duty into 安排教师执勤; a duty named with no one, or with a teacher, still counts.
     */
    static boolean studentsDoIt(String text, int at) {
        int clause = at;
        while (clause > 0 && "，,。；;！!？?\n".indexOf(text.charAt(clause - 1)) < 0) {
            clause--;
        }
        var actor = ACTOR.matcher(text.substring(clause, at));
        String last = null;
        while (actor.find()) {
            last = actor.group();
        }
        return last != null && last.matches(STUDENT);
    }

    private static final Pattern FREQUENCY = Pattern.compile(
            "(?:每|一个?)(周|星期|月|季度|学期|学年|年)" + G(6) + "(\\d+|[一二两三四五六七八九十]+)(?:次|场|期|轮|批)");

    /** "每月2次", "每学期开展5次": more than 3 visits a term by one item crowds out the school's own work. */
    private static Optional<FlagHit> frequencyFlag(ScreeningInput input) {
        for (var field : List.of(new String[] {"content", input.content()}, new String[] {"form", input.form()},
                new String[] {"title", input.title()}, new String[] {"targetScope", input.targetScope()})) {
            if (field[1] == null) {
                continue;
            }
            String text = ChineseText.normalize(field[1]);
            String masked = Negation.mask(text);
            var matcher = FREQUENCY.matcher(text);
            while (matcher.find()) {
                String clause = text.substring(Negation.clauseStart(text, matcher.start()),
                        Negation.clauseEnd(text, matcher.end()));
                if (clause.matches(".*(打卡|答题|做题|签到|学习平台|上报|报送|填报|检查|督查|考核).*")) {
                    continue; // counted by the rules on traces and inspections
                }
                if (!clause.matches(".*(进校|入校|到校|进入校园|走进校园|讲座|宣讲|活动|演练|培训|授课|宣传|课|比赛|竞赛).*")) {
                    continue; // a frequency of something else, e.g. home visits
                }
                double perTerm = count(matcher.group(2)) * switch (matcher.group(1)) {
                    case "周", "星期" -> 18.0;
                    case "月" -> 4.5;
                    case "季度" -> 1.5;
                    case "学期" -> 1.0;
                    default -> 0.5;
                };
                if (perTerm >= 4 && !Negation.negated(masked, matcher.start(), matcher.end(), true)) {
                    return Optional.of(new FlagHit(field[0], matcher.group()));
                }
            }
        }
        return Optional.empty();
    }

    static int count(String number) {
        if (number.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(number.length() > 6 ? number.substring(0, 6) : number);
        }
        String digits = "零一二三四五六七八九";
        int value = 0;
        int current = 0;
        for (char c : number.toCharArray()) {
            if (c == '两') {
                current = 2;
            } else if (c == '十') {
                value += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (digits.indexOf(c) >= 0) {
                current = digits.indexOf(c);
            }
        }
        return value + current;
    }

    // ---------------------------------------------------------------- building

    /** A gap that stays inside one sentence (may cross a comma). */
    static String S(int n) {
        return "[^。；;！!？?\\n]{0," + n + "}";
    }

    static String G(int n) {
        return "[^，,。；;！!？?\\n但却]{0," + n + "}";
    }

    private static Function<ScreeningInput, Optional<FlagHit>> none() {
        return input -> Optional.empty();
    }

    private static Function<ScreeningInput, Optional<FlagHit>> flag(Function<ScreeningInput, Boolean> getter,
                                                                     String field) {
        return input -> Boolean.TRUE.equals(getter.apply(input))
                ? Optional.of(new FlagHit(field, field + "=true")) : Optional.empty();
    }

    private static Builder rule(String id, RuleFamily family, Severity severity, String clause, String source,
                                boolean emergencyExempt, Function<ScreeningInput, Optional<FlagHit>> flag,
                                String... triggers) {
        return new Builder(id, family, severity, clause, source, emergencyExempt, flag, triggers);
    }

    /** Lets a rule add vetoes or mark its own negation before it becomes a {@link ScreeningRule}. */
    private static final class Builder {
        private final ScreeningRule base;
        private final List<Pattern> vetoes = new ArrayList<>();
        private boolean negationInside = true;

        Builder(String id, RuleFamily family, Severity severity, String clause, String source, boolean emergencyExempt,
                Function<ScreeningInput, Optional<FlagHit>> flag, String... triggers) {
            base = new ScreeningRule(id, family, severity, clause, source, emergencyExempt,
                    Arrays.stream(triggers).map(Pattern::compile).toList(), List.of(), true, flag);
        }

        Builder veto(String regex) {
            vetoes.add(Pattern.compile(regex));
            return this;
        }

        Builder insideIsPattern() {
            negationInside = false;
            return this;
        }

        ScreeningRule build() {
            return new ScreeningRule(base.id(), base.family(), base.severity(), base.clause(), base.source(),
                    base.emergencyExempt(), base.triggers(), List.copyOf(vetoes), negationInside, base.flag());
        }
    }
}
