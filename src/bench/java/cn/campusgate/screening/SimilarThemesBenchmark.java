package cn.campusgate.screening;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link SimilarThemes#find} among many registered themes (generated from towns × audiences × topics × forms,
 * as departments word them). Run with {@code ./mvnw -Pbench test-compile exec:exec}; never part of
 * {@code verify}. See docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SimilarThemesBenchmark {

    static final String[] TOWNS = {"合阳城街道", "钓鱼城街道", "南津街街道", "盐井街道", "草街街道", "云门街道", "大石街道", "沙鱼镇",
            "官渡镇", "涞滩镇", "肖家镇", "古楼镇", "三庙镇", "二郎镇", "龙凤镇", "隆兴镇", "铜溪镇", "双凤镇", "狮滩镇", "清平镇",
            "土场镇", "小沔镇", "三汇镇", "香龙镇", "钱塘镇", "龙市镇", "燕窝镇", "太和镇", "渭沱镇", "双槐镇"};
    static final String[] AUDIENCES = {"小学生", "初中生", "高中生", "中小学生", "青少年", "低年级学生", "家长", "留守儿童"};
    static final String[] TOPICS = {"防溺水", "消防安全", "道路交通安全", "禁毒", "反电信网络诈骗", "近视防控", "心理健康", "食品安全",
            "国家安全", "国防", "宪法", "民法典", "预防未成年人犯罪", "防校园欺凌", "防性侵", "艾滋病预防", "控烟", "网络安全",
            "防沉迷", "防震减灾", "防汛避险", "应急救护", "气象科普", "航天科普", "人工智能", "非遗传承", "川剧", "剪纸",
            "书法", "校园足球", "校园篮球", "跳绳", "垃圾分类", "节约用水", "节约粮食", "生态环保", "野生动物保护", "红色文化",
            "爱国主义", "劳动教育", "生涯规划", "金融知识", "税收知识", "防范非法集资", "燃气安全", "用电安全", "防暑降温",
            "传染病防控", "口腔健康", "营养膳食", "家庭教育", "文明礼仪", "诚信", "廉洁文化", "民族团结", "反邪教", "人民防空",
            "征兵宣传", "科技创新", "阅读推广"};
    static final String[] FORMS = {"专题讲座", "进校园", "主题教育", "宣传周", "知识竞赛", "应急演练", "主题班会", "宣传月", "体验活动",
            "培训", "展览", "公开课", "实践活动", "资源包", "巡回宣讲", "志愿服务", "家长会宣讲", "情景剧展演", "微课", "研学"};
    static final String[] QUERIES = {"防溺水安全教育", "珍爱生命预防溺水专题讲座", "消防安全知识进校园", "禁毒预防教育",
            "反诈宣传进校园", "儿童青少年近视防控", "中小学生心理健康辅导", "校园食品安全", "国家安全教育日", "宪法学习宣传",
            "非物质文化遗产进校园", "科普大篷车进校园", "校园足球联赛", "红十字应急救护培训", "汛期突发灾害应急转移",
            "垃圾分类知识宣传", "艾滋病预防宣传教育", "网络安全宣传周", "防震减灾应急演练", "道路交通安全教育"};

    @Param({"100000"})
    int themes;

    SimilarThemes index;
    int next;

    @Setup(Level.Trial)
    public void register() {
        index = new SimilarThemes(new ScreeningFixtures.MemoryStore());
        long started = System.nanoTime();
        for (String theme : generate(themes, 20260101L)) {
            index.register("bench:" + next++, theme);
        }
        System.out.printf("%nregistered %d themes in %d ms%n", index.size(), (System.nanoTime() - started) / 1_000_000);
        next = 0;
    }

    static List<String> generate(int count, long seed) {
        Random random = new Random(seed);
        List<String> generated = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            generated.add(TOWNS[random.nextInt(TOWNS.length)] + AUDIENCES[random.nextInt(AUDIENCES.length)]
                    + TOPICS[random.nextInt(TOPICS.length)] + FORMS[random.nextInt(FORMS.length)] + "（第" + (i % 12 + 1) + "期）");
        }
        return generated;
    }

    /** Top 10 similar themes for one of the queries, in turn. */
    @Benchmark
    public List<SimilarTheme> find() {
        return index.find(QUERIES[next++ % QUERIES.length], 10);
    }
}
