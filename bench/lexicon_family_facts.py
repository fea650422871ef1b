"""Facts behind the generated lexicon families (bench/lexicon_families.py).

Only facts we are sure of: a meeting whose outcome we cannot state with confidence gets
its number and year and nothing more.
"""

CONGRESSES = {
    1: (1921, "Shanghai (its last day on a boat at Jiaxing)", "It founded the Communist Party of China."),
    2: (1922, "Shanghai", "It adopted the Party's first constitution and a programme against imperialism and the warlords."),
    3: (1923, "Guangzhou", "It decided that Communists would join the Kuomintang as individuals, the basis of the first KMT-CPC cooperation."),
    4: (1925, "Shanghai", "It asserted the leadership of the proletariat in the national revolution."),
    5: (1927, "Wuhan", "It met weeks after the Kuomintang's April 1927 purge of Communists in Shanghai."),
    6: (1928, "Moscow", "It is the only Party congress held outside China."),
    7: (1945, "Yan'an", "It made Mao Zedong Thought the Party's guiding ideology."),
    8: (1956, "Beijing", "The first congress after the founding of the People's Republic, it made economic and cultural development the main task."),
    9: (1969, "Beijing", "Held during the Cultural Revolution, it wrote Lin Biao into the Party constitution as Mao Zedong's successor."),
    10: (1973, "Beijing", "Held after Lin Biao's death, it made Wang Hongwen a Party vice-chairman."),
    11: (1977, "Beijing", "Under Hua Guofeng, it declared the Cultural Revolution over."),
    12: (1982, "Beijing", "Deng Xiaoping opened it with the call to build socialism with Chinese characteristics; the post of Party chairman was abolished."),
    13: (1987, "Beijing", "It set out the theory of the primary stage of socialism and the Party's basic line of 'one central task, two basic points'."),
    14: (1992, "Beijing", "It made a socialist market economy the goal of reform."),
    15: (1997, "Beijing", "It wrote Deng Xiaoping Theory into the Party constitution."),
    16: (2002, "Beijing", "It wrote the Three Represents into the Party constitution and elected Hu Jintao general secretary."),
    17: (2007, "Beijing", "It wrote the Scientific Outlook on Development into the Party constitution."),
    18: (2012, "Beijing", "It elected Xi Jinping general secretary."),
    19: (2017, "Beijing", "It declared a 'new era' and wrote Xi Jinping Thought on Socialism with Chinese Characteristics for a New Era into the Party constitution."),
    20: (2022, "Beijing", "It set out the Chinese path to modernization and gave Xi Jinping a third term as general secretary."),
}

PLENUMS = {
    7: (1945, 1949, 1950, 1954, 1955, 1955, 1956),
    8: (1956, 1956, 1957, 1958, 1958, 1958, 1959, 1959, 1961, 1962, 1966, 1968),
    9: (1969, 1970),
    10: (1973, 1975, 1977),
    11: (1977, 1978, 1978, 1979, 1980, 1981, 1982),
    12: (1982, 1983, 1984, 1985, 1985, 1986, 1987),
    13: (1987, 1988, 1988, 1989, 1989, 1990, 1990, 1991, 1992),
    14: (1992, 1993, 1993, 1994, 1995, 1996, 1997),
    15: (1997, 1998, 1998, 1999, 2000, 2001, 2002),
    16: (2002, 2003, 2003, 2004, 2005, 2006, 2007),
    17: (2007, 2008, 2008, 2009, 2010, 2011, 2012),
    18: (2012, 2013, 2013, 2014, 2015, 2016, 2017),
    19: (2017, 2018, 2018, 2019, 2020, 2021, 2022),
    20: (2022, 2023, 2024, 2025),
}
"""Central Committee -> the year of each of its plenary sessions, in order (only those held)."""

PLENUM_FACTS = {
    (7, 1): "Held right after the congress, it elected Mao Zedong chairman of the Central Committee.",
    (7, 2): "Meeting at Xibaipo in March, it moved the focus of the Party's work from the countryside to the cities, and Mao Zedong urged the Party to stay modest and hard-working (the 'two musts').",
    (7, 4): "It adopted a resolution on strengthening Party unity, aimed at Gao Gang and Rao Shushi.",
    (7, 7): "It prepared the Eighth Party Congress.",
    (8, 6): "It accepted Mao Zedong's wish not to stand again as chairman of the state.",
    (8, 8): "Held at Lushan, it condemned Peng Dehuai for criticising the Great Leap Forward.",
    (8, 9): "It adopted the policy of readjustment, consolidation, filling out and raising standards after the Great Leap Forward.",
    (8, 10): "At it Mao Zedong insisted that class struggle must never be forgotten.",
    (8, 11): "It adopted the 'Sixteen Points' decision on the Cultural Revolution.",
    (8, 12): "It expelled Liu Shaoqi from the Party.",
    (10, 3): "It restored Deng Xiaoping to his posts and confirmed Hua Guofeng as Party chairman.",
    (11, 3): "It shifted the Party's focus to economic construction and is taken as the start of reform and opening.",
    (11, 5): "It rehabilitated Liu Shaoqi and restored the Central Secretariat.",
    (11, 6): "It adopted the resolution on the Party's history since 1949 and made Hu Yaobang Party chairman.",
    (12, 2): "It decided on a rectification of the Party.",
    (12, 3): "It adopted the decision on reform of the economic structure.",
    (12, 6): "It adopted a resolution on building a socialist spiritual civilisation.",
    (13, 4): "After the June 1989 crackdown, it removed Zhao Ziyang and elected Jiang Zemin general secretary.",
    (13, 5): "It accepted Deng Xiaoping's resignation as chairman of the Central Military Commission.",
    (13, 7): "It adopted proposals for the Eighth Five-Year Plan.",
    (14, 3): "It adopted the decision on building a socialist market economic system.",
    (14, 5): "It adopted proposals for the Ninth Five-Year Plan.",
    (14, 6): "It adopted a resolution on socialist spiritual civilisation.",
    (15, 3): "It adopted a decision on agriculture and rural work.",
    (15, 4): "It adopted a decision on the reform of state-owned enterprises.",
    (15, 5): "It adopted proposals for the Tenth Five-Year Plan.",
    (15, 6): "It adopted a decision on improving the Party's work style.",
    (16, 3): "It adopted a decision on improving the socialist market economy.",
    (16, 4): "It accepted Jiang Zemin's resignation as chairman of the Central Military Commission, handing the post to Hu Jintao.",
    (16, 5): "It adopted proposals for the Eleventh Five-Year Plan.",
    (16, 6): "It adopted a decision on building a harmonious socialist society.",
    (17, 3): "It adopted a decision on rural reform and development.",
    (17, 4): "It adopted a decision on Party building.",
    (17, 5): "It adopted proposals for the Twelfth Five-Year Plan and made Xi Jinping vice-chairman of the Central Military Commission.",
    (17, 6): "It adopted a decision on cultural reform and development.",
    (18, 3): "It adopted the decision on comprehensively deepening reform, which gave the market the 'decisive role' in allocating resources.",
    (18, 4): "It adopted a decision on advancing law-based governance.",
    (18, 5): "It adopted proposals for the Thirteenth Five-Year Plan.",
    (18, 6): "It adopted rules on political life and supervision within the Party and named Xi Jinping the 'core' of the leadership.",
    (19, 2): "It proposed amendments to the state constitution.",
    (19, 3): "It adopted the plan for deepening the reform of Party and state institutions.",
    (19, 4): "It adopted a decision on modernising China's system and capacity for governance.",
    (19, 5): "It adopted proposals for the Fourteenth Five-Year Plan and long-range objectives through 2035.",
    (19, 6): "It adopted the Party's third resolution on its history.",
    (20, 2): "It adopted the plan for reforming Party and state institutions and proposed the new state leadership.",
    (20, 3): "It adopted a decision on further deepening reform comprehensively to advance Chinese modernization.",
    (20, 4): "It adopted proposals for the Fifteenth Five-Year Plan.",
}

PLANS = {1: (1953, 1957), 2: (1958, 1962), 3: (1966, 1970), 4: (1971, 1975), 5: (1976, 1980),
         6: (1981, 1985), 7: (1986, 1990), 8: (1991, 1995), 9: (1996, 2000), 10: (2001, 2005),
         11: (2006, 2010), 12: (2011, 2015), 13: (2016, 2020), 14: (2021, 2025), 15: (2026, 2030)}

PLAN_FACTS = {
    1: "Built with Soviet help around 156 key projects, it laid the base of heavy industry.",
    2: "It was overtaken by the Great Leap Forward and its collapse.",
    3: "It followed three years of readjustment (1963-1965) and put the 'Third Front' of defence industry in the interior first.",
    11: "The first called a 规划 (guihua, a guiding programme) rather than a 计划 (jihua, a plan), marking a shift from command planning.",
    13: "Its goal was to complete the building of a moderately prosperous society by 2020.",
    14: "The first plan on the path to building a modern socialist country, set with long-range objectives through 2035.",
    15: "Its proposals were adopted by the Central Committee's fourth plenum in October 2025.",
}

NPC_EARLY_SESSIONS = {1: (1954, 1955, 1956, 1957, 1958), 2: (1959, 1960, 1962, 1963), 3: (1964,), 4: (1975,)}
"""NPC term -> the year of each of its sessions, for the terms before 1978, when sessions were not yearly
(the third NPC's only session ran from December 1964 into January 1965)."""

NPC_TERMS = {5: (1978, 5), 6: (1983, 5), 7: (1988, 5), 8: (1993, 5), 9: (1998, 5), 10: (2003, 5),
             11: (2008, 5), 12: (2013, 5), 13: (2018, 5), 14: (2023, 3)}
"""NPC term -> (year of its first session, sessions held); one session a year since 1978."""

NPC_FACTS = {
    (1, 1): "It adopted the People's Republic's first constitution and elected Mao Zedong chairman of the state.",
    (2, 1): "It elected Liu Shaoqi chairman of the state.",
    (3, 1): "It ran from December 1964 into January 1965; there Zhou Enlai set the goal of the Four Modernizations.",
    (4, 1): "It adopted the constitution of 1975.",
    (5, 1): "It adopted the constitution of 1978.",
    (5, 5): "It adopted the present constitution of 1982.",
    (7, 5): "It approved the Three Gorges Dam project.",
    (8, 1): "It elected Jiang Zemin president and wrote the socialist market economy into the constitution.",
    (8, 5): "It made Chongqing a municipality directly under the central government.",
    (9, 2): "It amended the constitution to add Deng Xiaoping Theory and law-based governance.",
    (10, 2): "It amended the constitution to protect private property and respect human rights.",
    (10, 3): "It passed the Anti-Secession Law on Taiwan.",
    (12, 1): "It elected Xi Jinping president and Li Keqiang premier.",
    (13, 1): "It amended the constitution, removing the two-term limit on the presidency and creating the supervisory commissions.",
    (13, 3): "Delayed to May by Covid-19, it adopted the Civil Code and the decision to impose a national security law on Hong Kong.",
    (13, 4): "It adopted the decision to overhaul Hong Kong's electoral system.",
    (14, 1): "It gave Xi Jinping a third term as president and elected Li Qiang premier.",
}

CPPCC_SESSIONS_FROM = 5
"""From its 5th National Committee (1978) the CPPCC has held its yearly session alongside the NPC's,
so its sessions are numbered and dated like NPC_TERMS."""

NPC_YEARS = {1: (1954, 1959), 2: (1959, 1964), 3: (1964, 1975), 4: (1975, 1978), 5: (1978, 1983),
             6: (1983, 1988), 7: (1988, 1993), 8: (1993, 1998), 9: (1998, 2003), 10: (2003, 2008),
             11: (2008, 2013), 12: (2013, 2018), 13: (2018, 2023), 14: (2023, None)}
"""NPC term -> (first year, last year or None while in office)."""

CPPCC_YEARS = {1: (1949, 1954), 2: (1954, 1959), 3: (1959, 1964), 4: (1964, 1978), 5: (1978, 1983),
               6: (1983, 1988), 7: (1988, 1993), 8: (1993, 1998), 9: (1998, 2003), 10: (2003, 2008),
               11: (2008, 2013), 12: (2013, 2018), 13: (2018, 2023), 14: (2023, None)}
"""CPPCC National Committee -> (first year, last year or None while in office)."""

CPPCC_FACTS = {
    1: "It was elected in September 1949 by the CPPCC's first plenary session, which founded the People's Republic.",
}

CCDI_FROM = 12
"""The first Central Commission for Discipline Inspection elected by a Party congress (the 12th, 1982);
the 1978 one was set up by a Central Committee plenum."""

PLAN_OUTLINE_YEARS = {11: 2006, 12: 2011, 13: 2016, 14: 2021}
"""Five-year plan -> the year the NPC approved its outline (规划纲要), each in March of the plan's first year."""
