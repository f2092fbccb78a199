package cn.campusgate.organization;

import cn.campusgate.core.Role;
import org.springframework.data.relational.core.mapping.Table;

/** One role of an account, held within the account's organisation. */
@Table("account_role")
record AccountRole(Role role) {
}
