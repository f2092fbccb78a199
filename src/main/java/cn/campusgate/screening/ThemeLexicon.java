package cn.campusgate.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the similarity knows about the district's themes: concepts that different departments name in
 * different words (防溺水 = 预防溺水 = 野泳, 反诈 = 防范电信网络诈骗), and generic words that every theme
 * carries (安全、教育、宣传、活动、进校园、专题、讲座) and that must not make two themes alike.
 *
 * <p>The concepts are topics, not departments: two themes are similar when a school would see the same
 * subject twice. A broad concept (法治, 体育, 科学) weighs less than a specific one (宪法, 足球, 航天).
 */
final class ThemeLexicon {

    static final float SPECIFIC = 3.0f;
    static final float BROAD = 2.0f;
    /** A broad concept beside one of its specific ones says little more: 航天科普 is about 航天, not 科普. */
    static final float BROAD_UNDER_SPECIFIC = 0.5f;

    /** Specific concept → the broad concept it belongs to. */
    static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("FOOTBALL", "~SPORTS"), Map.entry("BASKETBALL", "~SPORTS"), Map.entry("VOLLEYBALL", "~SPORTS"),
            Map.entry("TABLE_TENNIS", "~SPORTS"), Map.entry("SWIMMING", "~SPORTS"), Map.entry("CHESS", "~SPORTS"),
            Map.entry("SPACE", "~SCIENCE"), Map.entry("CODING", "~SCIENCE"), Map.entry("WEATHER", "~SCIENCE"),
            Map.entry("CONSTITUTION", "~LAW"), Map.entry("CRIME", "~LAW"), Map.entry("TAX", "~LAW"),
            Map.entry("HERITAGE", "~TRADITION"), Map.entry("CALLIGRAPHY", "~TRADITION"),
            Map.entry("EARTHQUAKE", "~DISASTER"), Map.entry("FLOOD", "~DISASTER"), Map.entry("FIRE", "~DISASTER"));

    /** Concept id → the words that name it. Ids starting with '~' are broad. */
    static final Map<String, List<String>> CONCEPTS = new LinkedHashMap<>();

    static {
        concept("FIRE", "fire safety", "fire drill", "消防", "火灾", "防火", "灭火", "火场", "119", "火警", "用火安全", "逃生自救");
        concept("ELECTRICITY", "用电", "触电", "电力设施", "防触电");
        concept("GAS", "燃气", "煤气", "一氧化碳", "天然气");
        concept("FIREWORKS", "烟花爆竹", "禁燃禁放", "烟花");
        concept("TRAFFIC", "traffic", "road safety", "交通", "道路安全", "交规", "骑行", "头盔", "斑马线", "文明出行", "乘车", "校车", "电动车", "交警",
                "一盔一带", "过马路", "安全带", "出行安全", "行车");
        concept("DROWNING", "drowning", "溺水", "防溺", "野泳", "戏水", "水域安全", "玩水", "溺亡", "私自下水", "涉水安全", "游泳安全");
        concept("SWIMMING", "游泳");
        concept("DRUGS", "drug", "narcotic", "禁毒", "毒品", "拒毒", "吸毒", "涉毒", "识毒", "无毒", "防毒品", "黄赌毒");
        concept("FRAUD", "fraud", "scam", "诈骗", "反诈", "防骗", "电诈", "防诈", "骗局", "被骗", "刷单");
        concept("NATIONAL_SECURITY", "国家安全", "国安", "反间谍", "间谍", "保密");
        concept("DEFENCE", "国防", "军事", "军训", "征兵", "兵役", "拥军", "双拥", "军校");
        concept("AIR_DEFENCE", "人防", "防空", "警报");
        concept("CONSTITUTION", "宪法");
        concept("~LAW", "法治", "普法", "法制", "法律", "民法典", "法官", "检察官", "模拟法庭", "宪法", "未成年人保护法");
        concept("CRIME", "预防犯罪", "违法犯罪", "犯罪", "扫黑除恶", "黑恶");
        concept("BULLYING", "bullying", "欺凌", "霸凌");
        concept("SELF_PROTECTION", "防性侵", "性侵", "青春期", "性教育", "隐私部位", "防拐", "拐卖", "走失", "性侵害");
        concept("PSYCHOLOGY", "mental health", "psycholog", "心理", "情绪", "抑郁", "焦虑", "减压", "压力疏导", "心灵", "心育", "自杀");
        concept("EYESIGHT", "myopia", "eyesight", "vision", "近视", "视力", "护眼", "用眼", "眼健康", "爱眼", "眼睛", "光明行动");
        concept("ORAL", "口腔", "牙齿", "龋齿", "刷牙", "爱牙", "窝沟封闭");
        concept("NUTRITION", "营养", "膳食", "健康饮食", "合理饮食", "肥胖", "减盐", "减油", "减糖", "体重");
        concept("FOOD_SAFETY", "food safety", "食品安全", "食品", "食物中毒", "食源性", "三无食品", "餐饮", "过期食品");
        concept("FOOD_SAVING", "节约粮食", "光盘", "爱粮节粮", "粮食安全", "反对浪费", "粮食");
        concept("INFECTIOUS", "传染病", "防疫", "疫苗", "流感", "结核", "诺如", "手足口", "疫情", "新冠", "接种", "登革热");
        concept("AIDS", "艾滋病", "艾滋", "hiv", "性病", "性传播");
        concept("TOBACCO", "控烟", "禁烟", "吸烟", "烟草", "电子烟", "无烟", "香烟", "支烟", "抽烟", "二手烟");
        concept("ALCOHOL", "饮酒", "酗酒", "酒精");
        concept("INTERNET", "网络安全", "网络素养", "沉迷网络", "网瘾", "防沉迷", "网络沉迷", "沉迷", "网络游戏", "个人信息", "网络文明", "网络谣言",
                "上网", "网络欺凌", "短视频");
        concept("EARTHQUAKE", "earthquake", "地震", "防震", "抗震");
        concept("~DISASTER", "防灾", "减灾", "灾害", "避险", "应急疏散", "疏散演练");
        concept("FLOOD", "汛期", "防汛", "洪水", "山洪", "地质灾害", "滑坡", "泥石流", "暴雨", "洪涝");
        concept("HEAT", "防暑", "中暑", "高温");
        concept("FIRST_AID", "first aid", "cpr", "急救", "救护", "心肺复苏", "红十字", "aed", "包扎", "海姆立克", "止血");
        concept("WEATHER", "气象", "天气", "防雷", "雷电", "气候", "台风");
        concept("HERITAGE", "非遗", "非物质文化遗产", "剪纸", "川剧", "传统技艺", "民间艺术", "皮影", "刺绣", "戏曲", "京剧",
                "竹编", "蜀绣", "龙舞", "狮舞", "传承人", "手工艺");
        concept("~TRADITION", "传统文化", "国学", "经典诵读", "诗词", "中华优秀传统文化", "传统节日", "端午", "中秋", "春节");
        concept("CALLIGRAPHY", "书法", "汉字书写", "写字");
        concept("~SCIENCE", "科普", "科学", "科技", "大篷车", "科创", "科学家");
        concept("SPACE", "航天", "航空", "天文", "太空", "火箭", "卫星", "星空");
        concept("UAV", "无人机", "航模");
        concept("CODING", "人工智能", "编程", "机器人", "创客", "信息学", "ai");
        concept("FOOTBALL", "足球");
        concept("BASKETBALL", "篮球");
        concept("VOLLEYBALL", "排球");
        concept("TABLE_TENNIS", "乒乓");
        concept("~SPORTS", "体育", "运动", "赛事", "联赛", "健身", "体质", "阳光体育", "运动会", "跳绳", "田径", "武术", "冰雪",
                "足球", "篮球", "排球", "乒乓", "游泳");
        concept("ENVIRONMENT", "环保", "生态", "环境保护", "低碳", "绿色", "节能", "减排", "碳中和", "污染", "植树", "护林", "爱绿", "护绿", "绿化", "环境日", "地球日", "生态环境");
        concept("WILDLIFE", "野生动物", "动物保护", "爱鸟", "候鸟", "生物多样性");
        concept("GARBAGE", "垃圾分类", "垃圾", "资源回收", "废旧物品");
        concept("WATER", "节水", "节约用水", "水资源", "护水", "河长", "母亲河", "河流保护", "水日");
        concept("CIVILISED_CITY", "文明城市", "创文", "卫生城市", "创卫", "国卫");
        concept("INSURANCE", "医保", "参保", "医疗保险", "社保");
        concept("CENSUS", "普查");
        concept("READING", "阅读", "读书", "书香", "图书", "绘本");
        concept("ARTS", "美育", "艺术", "音乐", "舞蹈", "美术", "合唱", "绘画", "交响", "话剧", "戏剧");
        concept("LABOUR", "劳动", "农耕", "种植", "家务");
        concept("PATRIOTIC", "红色", "爱国主义", "党史", "革命", "英烈", "烈士", "国旗", "抗战", "长征", "红色基因", "爱国");
        concept("CAREER", "职业规划", "生涯", "职业启蒙", "职业体验");
        concept("FINANCE", "金融", "理财", "反洗钱", "人民币", "非法集资", "货币", "反假币", "校园贷", "网贷");
        concept("TAX", "税收", "税法", "纳税", "税务", "个税");
        concept("STAMPEDE", "踩踏");
        concept("FAMILY", "家庭教育", "家校", "家长学校", "亲子");
        concept("ETIQUETTE", "礼仪", "文明行为", "文明礼貌");
        concept("VOLUNTEER", "志愿", "雷锋");
        concept("CONSUMER", "消费者", "维权", "假冒伪劣", "3·15", "315");
        concept("DOGS", "狂犬", "犬只", "养犬", "犬伤");
        concept("MUSHROOM", "野生菌", "毒蘑菇", "蘑菇", "毒菌");
        concept("BITES", "蛇咬", "毒蛇", "蛇伤", "蜂蜇", "马蜂");
        concept("BLOOD", "献血", "造血干细胞");
        concept("ELDERLY", "敬老", "孝老", "尊老", "重阳");
        concept("ETHNIC_UNITY", "民族团结", "铸牢中华民族共同体");
        concept("INTEGRITY", "诚信", "守信");
        concept("CLEAN_GOVERNANCE", "廉洁", "清廉", "廉政");
        concept("ANTI_CULT", "反邪教", "邪教");
        concept("COUNTER_TERRORISM", "反恐", "防暴", "恐怖主义", "暴恐");
        concept("LEFT_BEHIND", "留守儿童", "留守", "困境儿童");
        concept("CHESS", "象棋", "围棋", "棋类");
        concept("MARKET_SUPERVISION", "特种设备", "电梯", "质量");
    }

    /** Generic words and their weight (a content word weighs 1). */
    static final Map<String, Float> GENERIC = new LinkedHashMap<>();

    static {
        generic(0.03f, "进校园", "进", "校园", "走进", "进课堂", "课堂", "活动", "开展", "组织", "关于", "的", "和", "与", "及", "暨",
                "年", "月", "日", "第", "届", "期", "次", "个", "学校", "中小学", "中小学生", "学生", "师生", "小学", "中学", "小学生",
                "中学生", "全区", "区", "市", "县", "镇", "街道", "合川", "合川区", "工作", "主题", "专题", "系列", "宣传", "教育",
                "讲座", "知识", "宣讲", "报告", "报告会", "行动", "项目", "计划", "方案", "实施", "推进", "深入", "全面", "加强", "进一步",
                "广泛", "为", "在", "是", "从", "到", "做", "好", "我", "你", "们", "让", "有", "等", "一", "大", "新", "education",
                "campus", "school", "schools", "students", "student", "into", "and", "the", "of", "for", "in", "on", "to", "a");
        generic(0.15f, "安全", "健康", "预防", "防范", "防控", "防", "培训", "演练", "应急", "普及", "实践", "体验", "竞赛", "比赛", "大赛",
                "评选", "展演", "展览", "宣传周", "宣传月", "宣传日", "周", "青少年", "儿童", "未成年人", "未成年", "生命", "意识", "能力",
                "素养", "文化", "文明", "社会", "公益", "服务", "平台", "学习", "课程", "课", "教学", "知识竞赛", "征文", "主题班会",
                "班会", "守护", "护航", "成长", "快乐", "幸福", "美好", "平安", "和谐", "珍爱", "关爱", "关注", "共建", "共享", "携手",
                "同行", "助力", "筑牢", "防线", "提升", "增强", "树立", "培养", "养成", "习惯", "技能", "常识", "科普知识", "互动",
                "参观", "宣传片", "展播", "读本", "资源包", "线上", "线下", "暑期", "寒假", "暑假", "假期", "春季", "秋季", "开学",
                "第一课", "一课", "冬季", "夏季", "冬天", "夏天", "周边", "整治", "专项", "治理", "少年", "专家", "讲师", "志愿者", "队伍", "部门", "单位", "现场", "基地", "联合", "共同", "重点", "主要",
                "自护", "自救", "技能培训", "意识教育", "safety", "lecture", "talk", "awareness", "prevention", "week", "day",
                "training", "campaign", "activity", "提醒", "告知", "告知书", "告家长书", "一封信", "温馨提示", "须知", "注意事项");
    }

    private static void concept(String id, String... words) {
        CONCEPTS.put(id, List.of(words));
    }

    private static void generic(float weight, String... words) {
        for (String word : words) {
            GENERIC.put(word, weight);
        }
    }

    static boolean broad(String conceptId) {
        return conceptId.startsWith("~");
    }

    private ThemeLexicon() {
    }
}
