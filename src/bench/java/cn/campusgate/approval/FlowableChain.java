package cn.campusgate.approval;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.common.engine.impl.identity.Authentication;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

/**
 * The annual route's chain as a BPMN process in an embedded Flowable engine: the side-by-side of
 * {@link ApprovalBenchmark}. Five user tasks, one per acting step — the department's application and the four
 * decisions — each offered to a candidate group as CampusGate offers a step to an organisation's role holders; after
 * every decision an exclusive gateway goes on only when the outcome is APPROVED (as CampusGate's chain does; a return
 * or rejection would end it).
 *
 * <p>Settings, and why (see docs/BENCHMARKS.md):
 * <ul>
 *   <li>standalone engine ({@code createStandaloneProcessEngineConfiguration}): Flowable manages its own JDBC
 *       transactions, one per service call — the same "one transaction per action" CampusGate has;</li>
 *   <li>its own HikariCP pool of the same size as CampusGate's (20), on a database of its own on the same
 *       PostgreSQL server;</li>
 *   <li>history level: left at the default ({@code audit}): process, activity and task instances, identity links
 *       and variables are kept in {@code ACT_HI_*};</li>
 *   <li>id generator: left at the default ({@code DbIdGenerator}, blocks of 2,500 ids reserved in one update of
 *       {@code ACT_GE_PROPERTY}), the fastest Flowable ships;</li>
 *   <li>async executor off: the process has no timers and no asynchronous continuations, so it would only poll;</li>
 *   <li>schema update {@code true}: creates the tables on the first start (never while measuring);</li>
 *   <li>everything else default (bulk inserts on, process definition cache on, event registry on).</li>
 * </ul>
 */
final class FlowableChain implements AutoCloseable {

    static final String KEY = "annualItem";
    /** The five acting steps: task definition key, candidate group, who acts. */
    static final String[][] STEPS = {
            {"application", "department.applicant", "dept.fire"},
            {"expertOpinion", "committee.secretary", "secretary"},
            {"preliminaryReview", "commission.reviewer", "commission"},
            {"districtApproval", "district.approver", "district"},
            {"municipalFiling", "municipal.filer", "municipal"}};

    private final HikariDataSource pool;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;

    FlowableChain(String jdbcUrl, String user, int poolSize, java.util.function.UnaryOperator<DataSource> wrap) {
        pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(user);
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("flowable");
        if (wrap != null) {
            org.postgresql.ds.PGSimpleDataSource driver = new org.postgresql.ds.PGSimpleDataSource();
            driver.setURL(jdbcUrl);
            driver.setUser(user);
            pool.setDataSource(wrap.apply(driver));
        }
        engine = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setDataSource(pool)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setAsyncExecutorActivate(false)
                .buildProcessEngine();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        engine.getRepositoryService().createDeployment().name("annual route").addString("annual.bpmn20.xml", bpmn())
                .deploy();
    }

    /** One whole chain: the department starts it and applies, then each step's holder finds the task and approves. */
    void chain(String businessKey, String title) {
        String instance;
        Authentication.setAuthenticatedUserId(STEPS[0][2]);
        try {
            instance = runtime.startProcessInstanceByKey(KEY, businessKey, Map.of("title", title,
                    "department", "区消防救援支队", "route", "ANNUAL", "exempt", Boolean.TRUE)).getId();
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
        for (String[] step : STEPS) {
            decide(instance, step);
        }
    }

    /** Starts a chain and moves it on until the task of {@code untilGroup} is open (for the inbox comparison). */
    void openUntil(String businessKey, String untilGroup) {
        String instance = runtime.startProcessInstanceByKey(KEY, businessKey, Map.of("title", "收件箱事项" + businessKey,
                "department", "区消防救援支队", "route", "ANNUAL", "exempt", Boolean.TRUE)).getId();
        for (String[] step : STEPS) {
            if (step[1].equals(untilGroup)) {
                return;
            }
            decide(instance, step);
        }
    }

    private void decide(String instance, String[] step) {
        // As an inbox finds it: open tasks offered to the step's group, here narrowed to this chain.
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup(step[1]).singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task for " + step[1] + " in " + instance);
        }
        Authentication.setAuthenticatedUserId(step[2]);
        try {
            // Outcome and opinion as process variables: the gateway reads the outcome, history keeps both.
            tasks.complete(task.getId(), Map.of("outcome", "APPROVED", "opinion", "同意"));
        } finally {
            Authentication.setAuthenticatedUserId(null);
        }
    }

    /** The inbox query: a page of the group's open tasks, most urgent first, and how many there are. */
    int inbox(String group, int pageSize) {
        long total = tasks.createTaskQuery().taskCandidateGroup(group).count();
        List<Task> page = tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskDueDate().asc()
                .orderByTaskCreateTime().asc().listPage(0, pageSize);
        return (int) Math.min(total, page.size());
    }

    String processDefinitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
    }

    @Override
    public void close() {
        engine.close();
        pool.close();
    }

    private static String bpmn() {
        String approved = "<conditionExpression xsi:type=\"tFormalExpression\">${outcome == 'APPROVED'}</conditionExpression>";
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             xmlns:flowable="http://flowable.org/bpmn" targetNamespace="http://campusgate.cn/bench">
                  <process id="annualItem" name="年度计划事项审批链" isExecutable="true">
                    <startEvent id="start" flowable:initiator="initiator"/>
                    <userTask id="application" name="部门申请" flowable:candidateGroups="department.applicant"/>
                    <userTask id="expertOpinion" name="专家委员会论证" flowable:candidateGroups="committee.secretary"/>
                    <exclusiveGateway id="afterExpertOpinion" default="expertOpinionNo"/>
                    <userTask id="preliminaryReview" name="区教委初审" flowable:candidateGroups="commission.reviewer"/>
                    <exclusiveGateway id="afterPreliminaryReview" default="preliminaryReviewNo"/>
                    <userTask id="districtApproval" name="区委教育工作领导小组审核批准" flowable:candidateGroups="district.approver"/>
                    <exclusiveGateway id="afterDistrictApproval" default="districtApprovalNo"/>
                    <userTask id="municipalFiling" name="市委教育工作领导小组备案" flowable:candidateGroups="municipal.filer"/>
                    <exclusiveGateway id="afterMunicipalFiling" default="municipalFilingNo"/>
                    <endEvent id="approved"/>
                    <endEvent id="notApproved"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="application"/>
                    <sequenceFlow id="f2" sourceRef="application" targetRef="expertOpinion"/>
                    <sequenceFlow id="f3" sourceRef="expertOpinion" targetRef="afterExpertOpinion"/>
                    <sequenceFlow id="f4" sourceRef="afterExpertOpinion" targetRef="preliminaryReview">%1$s</sequenceFlow>
                    <sequenceFlow id="expertOpinionNo" sourceRef="afterExpertOpinion" targetRef="notApproved"/>
                    <sequenceFlow id="f5" sourceRef="preliminaryReview" targetRef="afterPreliminaryReview"/>
                    <sequenceFlow id="f6" sourceRef="afterPreliminaryReview" targetRef="districtApproval">%1$s</sequenceFlow>
                    <sequenceFlow id="preliminaryReviewNo" sourceRef="afterPreliminaryReview" targetRef="notApproved"/>
                    <sequenceFlow id="f7" sourceRef="districtApproval" targetRef="afterDistrictApproval"/>
                    <sequenceFlow id="f8" sourceRef="afterDistrictApproval" targetRef="municipalFiling">%1$s</sequenceFlow>
                    <sequenceFlow id="districtApprovalNo" sourceRef="afterDistrictApproval" targetRef="notApproved"/>
                    <sequenceFlow id="f9" sourceRef="municipalFiling" targetRef="afterMunicipalFiling"/>
                    <sequenceFlow id="f10" sourceRef="afterMunicipalFiling" targetRef="approved">%1$s</sequenceFlow>
                    <sequenceFlow id="municipalFilingNo" sourceRef="afterMunicipalFiling" targetRef="notApproved"/>
                  </process>
                </definitions>""".formatted(approved);
    }
}
