package cn.campusgate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** CampusGate 社会事务进校园审批监管平台: a modular monolith, one top-level package per business capability. */
@Modulithic(systemName = "CampusGate", sharedModules = "core")
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class CampusGateApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampusGateApplication.class, args);
    }
}
