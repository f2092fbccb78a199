package cn.campusgate.screening;

/** The three kinds of social affairs the action plan sets out to stop (三、整治重点). */
public enum RuleFamily {
    /** 无关的社会事务进校园: nothing to do with education, or charges, or draws teachers away. */
    IRRELEVANT,
    /** 无序的社会事务进校园: without approval, too often, or layered inspections. */
    DISORDERLY,
    /** 无效的社会事务进校园: duplicates teaching, or values traces and figures over effect (形式主义). */
    INEFFECTIVE
}
