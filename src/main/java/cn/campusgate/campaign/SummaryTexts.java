package cn.campusgate.campaign;

/** The starting texts of a new campaign's summary report, for the task force to rewrite. */
final class SummaryTexts {

    static final String MEASURES = """
            一是加强组织领导。成立专项整治工作专班，专班办公室设在区委教育工委、区教委，明确任务分工，压实各部门、各镇街责任。
            二是全面排查摸底。组织各部门、各镇街和学校全面摸排社会事务进校园情况，逐项对照“无关、无序、无效”整治重点筛查，梳理问题清单，建立整改台账。
            三是完善准入审批。制定准入事项标准，实行专家前置论证，按程序审批报备，形成并向社会公布社会事务进校园白名单。
            四是强化闭环监管。设置监测哨点，公布投诉举报电话和邮箱，对推动不力、落实不到位的部门和镇街进行通报、约谈、曝光。""";

    static final String OUTLOOK = """
            一是坚持专项督导与常态化监管相结合，持续跟踪整改台账，逐项销号。
            二是严格执行白名单制度，从严控制社会事务进校园事项总量，未列入白名单的一律不得进入校园。
            三是不将社会事务进校园完成情况与学校、教师考核评价挂钩，切实减轻中小学教师非教育教学负担。""";

    private SummaryTexts() {
    }
}
