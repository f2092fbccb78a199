#!/usr/bin/env python3
"""Where the CPU goes in a JFR recording of ApprovalBenchmark: execution samples split by what they belong to
(CampusGate's chain, its asynchronous listeners, Flowable's chain), then by the component running on top of the stack
(self time) and by the CampusGate methods on the stack (inclusive).
Usage: jfr print --events jdk.ExecutionSample --stack-depth 400 rec.jfr | bench/jfr-profile.py"""
import re
import sys
from collections import Counter

COMPONENTS = [
    ("org.postgresql", "JDBC driver (pgjdbc)"), ("com.zaxxer", "HikariCP"),
    ("tools.jackson", "Jackson"), ("com.fasterxml.jackson", "Jackson"),
    ("org.springframework.modulith", "Spring Modulith events"), ("org.springframework.security", "Spring Security"),
    ("org.springframework.data", "Spring Data JDBC"), ("org.springframework.jdbc", "Spring JDBC"),
    ("org.springframework.transaction", "Spring transactions"), ("org.springframework.context", "Spring events"),
    ("org.springframework.aop", "Spring AOP proxies"), ("org.springframework", "Spring (other)"),
    ("org.flowable", "Flowable"), ("org.apache.ibatis", "MyBatis"), ("org.apache.lucene", "Lucene (segmentation)"),
    ("sun.security", "SHA-256"), ("java.security", "SHA-256"), ("cn.campusgate.StatementCounter", "statement counter"),
    ("jdk.proxy", "statement counter"), ("cn.campusgate", "CampusGate code"),
    ("java.util.regex", "JDK regex"), ("java.lang.invoke", "JDK reflection/invoke"),
    ("jdk.internal.reflect", "JDK reflection/invoke"), ("java.lang.reflect", "JDK reflection/invoke"),
    ("java.", "JDK (other)"), ("jdk.", "JDK (other)"), ("sun.", "JDK (other)"),
]


def component(frame):
    for prefix, name in COMPONENTS:
        if frame.startswith(prefix):
            return name
    return "other"


samples = []
frames = None
thread = ""
for line in sys.stdin:
    line = line.strip()
    if line.startswith(("jdk.ExecutionSample", "jdk.NativeMethodSample")):
        frames, thread = [], ""
    elif line.startswith("sampledThread"):
        thread = line.split('"')[1] if '"' in line else line
    elif line.startswith("stackTrace = ["):
        pass
    elif line == "]" and frames is not None:
        samples.append((thread, frames))
        frames = None
    elif frames is not None and line and not line.startswith(("startTime", "state", "truncated")) and line != "...":
        frames.append(re.sub(r"\s+line:.*$", "", line))

groups = {"CampusGate chain (client threads)": [], "CampusGate async listeners": [], "Flowable chain": []}
for thread, stack in samples:
    text = " ".join(stack)
    if "org.flowable" in text and "FlowableChain" in text:
        groups["Flowable chain"].append(stack)
    elif "ApprovalBenchmark.oneChain" in text:
        groups["CampusGate chain (client threads)"].append(stack)
    elif "cn.campusgate" in text and not thread.startswith(("pool-", "main", "http-nio")) and "DemoDistrict" not in text:
        groups["CampusGate async listeners"].append(stack)

for name, stacks in groups.items():
    print(f"\n== {name}: {len(stacks)} samples")
    if not stacks:
        continue
    self_time = Counter(component(s[0]) for s in stacks if s)
    for comp, n in self_time.most_common(14):
        print(f"   {100.0 * n / len(stacks):5.1f}%  {comp}")
    top = Counter(re.sub(r"\(.*$", "", s[0]) for s in stacks if s)
    print("   hottest methods (self):")
    for m, n in top.most_common(12):
        print(f"   {100.0 * n / len(stacks):5.1f}%  {m}")
    if name.startswith("CampusGate"):
        inclusive = Counter()
        for s in stacks:
            seen = set()
            for f in s:
                if f.startswith("cn.campusgate") and "Benchmark" not in f and "StatementCounter" not in f:
                    m = re.sub(r"\(.*$", "", f)
                    if m not in seen:
                        seen.add(m)
                        inclusive[m] += 1
        print("   CampusGate methods on the stack (inclusive):")
        for m, n in inclusive.most_common(25):
            print(f"   {100.0 * n / len(stacks):5.1f}%  {m}")
