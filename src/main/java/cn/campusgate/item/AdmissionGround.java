package cn.campusgate.item;

/** The four grounds on which an item may enter schools, each with the basis it must cite. */
public enum AdmissionGround {
    /** 法律法规明确要求: cite the law and article. */
    LAW,
    /** 党中央国务院、市委市政府、区委区政府统一部署: cite the document number. */
    UNIFIED_ARRANGEMENT,
    /** 有利于学生德智体美劳全面发展且现有课程未覆盖: state the curriculum gap. */
    ALL_ROUND_DEVELOPMENT,
    /** 应急需要教师参与，经同级教育工作领导小组批准: cite the approval. */
    EMERGENCY
}
