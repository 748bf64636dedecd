# Many constants and long jumps: forces EXTENDED_ARG in the bytecode.


def many_constants(k):
    if k >= 0:
        vals = [
            k + 1000, k + 1001, k + 1002, k + 1003, k + 1004, k + 1005, k + 1006, k + 1007, k + 1008, k + 1009, k + 1010, k + 1011, k + 1012, k + 1013, k + 1014, k + 1015, k + 1016, k + 1017, k + 1018, k + 1019,
            k + 1020, k + 1021, k + 1022, k + 1023, k + 1024, k + 1025, k + 1026, k + 1027, k + 1028, k + 1029, k + 1030, k + 1031, k + 1032, k + 1033, k + 1034, k + 1035, k + 1036, k + 1037, k + 1038, k + 1039,
            k + 1040, k + 1041, k + 1042, k + 1043, k + 1044, k + 1045, k + 1046, k + 1047, k + 1048, k + 1049, k + 1050, k + 1051, k + 1052, k + 1053, k + 1054, k + 1055, k + 1056, k + 1057, k + 1058, k + 1059,
            k + 1060, k + 1061, k + 1062, k + 1063, k + 1064, k + 1065, k + 1066, k + 1067, k + 1068, k + 1069, k + 1070, k + 1071, k + 1072, k + 1073, k + 1074, k + 1075, k + 1076, k + 1077, k + 1078, k + 1079,
            k + 1080, k + 1081, k + 1082, k + 1083, k + 1084, k + 1085, k + 1086, k + 1087, k + 1088, k + 1089, k + 1090, k + 1091, k + 1092, k + 1093, k + 1094, k + 1095, k + 1096, k + 1097, k + 1098, k + 1099,
            k + 1100, k + 1101, k + 1102, k + 1103, k + 1104, k + 1105, k + 1106, k + 1107, k + 1108, k + 1109, k + 1110, k + 1111, k + 1112, k + 1113, k + 1114, k + 1115, k + 1116, k + 1117, k + 1118, k + 1119,
            k + 1120, k + 1121, k + 1122, k + 1123, k + 1124, k + 1125, k + 1126, k + 1127, k + 1128, k + 1129, k + 1130, k + 1131, k + 1132, k + 1133, k + 1134, k + 1135, k + 1136, k + 1137, k + 1138, k + 1139,
            k + 1140, k + 1141, k + 1142, k + 1143, k + 1144, k + 1145, k + 1146, k + 1147, k + 1148, k + 1149, k + 1150, k + 1151, k + 1152, k + 1153, k + 1154, k + 1155, k + 1156, k + 1157, k + 1158, k + 1159,
            k + 1160, k + 1161, k + 1162, k + 1163, k + 1164, k + 1165, k + 1166, k + 1167, k + 1168, k + 1169, k + 1170, k + 1171, k + 1172, k + 1173, k + 1174, k + 1175, k + 1176, k + 1177, k + 1178, k + 1179,
            k + 1180, k + 1181, k + 1182, k + 1183, k + 1184, k + 1185, k + 1186, k + 1187, k + 1188, k + 1189, k + 1190, k + 1191, k + 1192, k + 1193, k + 1194, k + 1195, k + 1196, k + 1197, k + 1198, k + 1199,
            k + 1200, k + 1201, k + 1202, k + 1203, k + 1204, k + 1205, k + 1206, k + 1207, k + 1208, k + 1209, k + 1210, k + 1211, k + 1212, k + 1213, k + 1214, k + 1215, k + 1216, k + 1217, k + 1218, k + 1219,
            k + 1220, k + 1221, k + 1222, k + 1223, k + 1224, k + 1225, k + 1226, k + 1227, k + 1228, k + 1229, k + 1230, k + 1231, k + 1232, k + 1233, k + 1234, k + 1235, k + 1236, k + 1237, k + 1238, k + 1239,
            k + 1240, k + 1241, k + 1242, k + 1243, k + 1244, k + 1245, k + 1246, k + 1247, k + 1248, k + 1249, k + 1250, k + 1251, k + 1252, k + 1253, k + 1254, k + 1255, k + 1256, k + 1257, k + 1258, k + 1259,
            k + 1260, k + 1261, k + 1262, k + 1263, k + 1264, k + 1265, k + 1266, k + 1267, k + 1268, k + 1269, k + 1270, k + 1271, k + 1272, k + 1273, k + 1274, k + 1275, k + 1276, k + 1277, k + 1278, k + 1279,
            k + 1280, k + 1281, k + 1282, k + 1283, k + 1284, k + 1285, k + 1286, k + 1287, k + 1288, k + 1289, k + 1290, k + 1291, k + 1292, k + 1293, k + 1294, k + 1295, k + 1296, k + 1297, k + 1298, k + 1299,
        ]
    else:
        vals = []
    return vals


def classify(n):
    label = None
    if n == 3: label = 'case_0_' + str(0.0)
    elif n == 10: label = 'case_1_' + str(1.25)
    elif n == 17: label = 'case_2_' + str(2.5)
    elif n == 24: label = 'case_3_' + str(3.75)
    elif n == 31: label = 'case_4_' + str(5.0)
    elif n == 38: label = 'case_5_' + str(6.25)
    elif n == 45: label = 'case_6_' + str(7.5)
    elif n == 52: label = 'case_7_' + str(8.75)
    elif n == 59: label = 'case_8_' + str(10.0)
    elif n == 66: label = 'case_9_' + str(11.25)
    elif n == 73: label = 'case_10_' + str(12.5)
    elif n == 80: label = 'case_11_' + str(13.75)
    elif n == 87: label = 'case_12_' + str(15.0)
    elif n == 94: label = 'case_13_' + str(16.25)
    elif n == 101: label = 'case_14_' + str(17.5)
    elif n == 108: label = 'case_15_' + str(18.75)
    elif n == 115: label = 'case_16_' + str(20.0)
    elif n == 122: label = 'case_17_' + str(21.25)
    elif n == 129: label = 'case_18_' + str(22.5)
    elif n == 136: label = 'case_19_' + str(23.75)
    elif n == 143: label = 'case_20_' + str(25.0)
    elif n == 150: label = 'case_21_' + str(26.25)
    elif n == 157: label = 'case_22_' + str(27.5)
    elif n == 164: label = 'case_23_' + str(28.75)
    elif n == 171: label = 'case_24_' + str(30.0)
    elif n == 178: label = 'case_25_' + str(31.25)
    elif n == 185: label = 'case_26_' + str(32.5)
    elif n == 192: label = 'case_27_' + str(33.75)
    elif n == 199: label = 'case_28_' + str(35.0)
    elif n == 206: label = 'case_29_' + str(36.25)
    elif n == 213: label = 'case_30_' + str(37.5)
    elif n == 220: label = 'case_31_' + str(38.75)
    elif n == 227: label = 'case_32_' + str(40.0)
    elif n == 234: label = 'case_33_' + str(41.25)
    elif n == 241: label = 'case_34_' + str(42.5)
    elif n == 248: label = 'case_35_' + str(43.75)
    elif n == 255: label = 'case_36_' + str(45.0)
    elif n == 262: label = 'case_37_' + str(46.25)
    elif n == 269: label = 'case_38_' + str(47.5)
    elif n == 276: label = 'case_39_' + str(48.75)
    elif n == 283: label = 'case_40_' + str(50.0)
    elif n == 290: label = 'case_41_' + str(51.25)
    elif n == 297: label = 'case_42_' + str(52.5)
    elif n == 304: label = 'case_43_' + str(53.75)
    elif n == 311: label = 'case_44_' + str(55.0)
    elif n == 318: label = 'case_45_' + str(56.25)
    elif n == 325: label = 'case_46_' + str(57.5)
    elif n == 332: label = 'case_47_' + str(58.75)
    elif n == 339: label = 'case_48_' + str(60.0)
    elif n == 346: label = 'case_49_' + str(61.25)
    elif n == 353: label = 'case_50_' + str(62.5)
    elif n == 360: label = 'case_51_' + str(63.75)
    elif n == 367: label = 'case_52_' + str(65.0)
    elif n == 374: label = 'case_53_' + str(66.25)
    elif n == 381: label = 'case_54_' + str(67.5)
    elif n == 388: label = 'case_55_' + str(68.75)
    elif n == 395: label = 'case_56_' + str(70.0)
    elif n == 402: label = 'case_57_' + str(71.25)
    elif n == 409: label = 'case_58_' + str(72.5)
    elif n == 416: label = 'case_59_' + str(73.75)
    elif n == 423: label = 'case_60_' + str(75.0)
    elif n == 430: label = 'case_61_' + str(76.25)
    elif n == 437: label = 'case_62_' + str(77.5)
    elif n == 444: label = 'case_63_' + str(78.75)
    elif n == 451: label = 'case_64_' + str(80.0)
    elif n == 458: label = 'case_65_' + str(81.25)
    elif n == 465: label = 'case_66_' + str(82.5)
    elif n == 472: label = 'case_67_' + str(83.75)
    elif n == 479: label = 'case_68_' + str(85.0)
    elif n == 486: label = 'case_69_' + str(86.25)
    elif n == 493: label = 'case_70_' + str(87.5)
    elif n == 500: label = 'case_71_' + str(88.75)
    elif n == 507: label = 'case_72_' + str(90.0)
    elif n == 514: label = 'case_73_' + str(91.25)
    elif n == 521: label = 'case_74_' + str(92.5)
    elif n == 528: label = 'case_75_' + str(93.75)
    elif n == 535: label = 'case_76_' + str(95.0)
    elif n == 542: label = 'case_77_' + str(96.25)
    elif n == 549: label = 'case_78_' + str(97.5)
    elif n == 556: label = 'case_79_' + str(98.75)
    elif n == 563: label = 'case_80_' + str(100.0)
    elif n == 570: label = 'case_81_' + str(101.25)
    elif n == 577: label = 'case_82_' + str(102.5)
    elif n == 584: label = 'case_83_' + str(103.75)
    elif n == 591: label = 'case_84_' + str(105.0)
    elif n == 598: label = 'case_85_' + str(106.25)
    elif n == 605: label = 'case_86_' + str(107.5)
    elif n == 612: label = 'case_87_' + str(108.75)
    elif n == 619: label = 'case_88_' + str(110.0)
    elif n == 626: label = 'case_89_' + str(111.25)
    elif n == 633: label = 'case_90_' + str(112.5)
    elif n == 640: label = 'case_91_' + str(113.75)
    elif n == 647: label = 'case_92_' + str(115.0)
    elif n == 654: label = 'case_93_' + str(116.25)
    elif n == 661: label = 'case_94_' + str(117.5)
    elif n == 668: label = 'case_95_' + str(118.75)
    elif n == 675: label = 'case_96_' + str(120.0)
    elif n == 682: label = 'case_97_' + str(121.25)
    elif n == 689: label = 'case_98_' + str(122.5)
    elif n == 696: label = 'case_99_' + str(123.75)
    elif n == 703: label = 'case_100_' + str(125.0)
    elif n == 710: label = 'case_101_' + str(126.25)
    elif n == 717: label = 'case_102_' + str(127.5)
    elif n == 724: label = 'case_103_' + str(128.75)
    elif n == 731: label = 'case_104_' + str(130.0)
    elif n == 738: label = 'case_105_' + str(131.25)
    elif n == 745: label = 'case_106_' + str(132.5)
    elif n == 752: label = 'case_107_' + str(133.75)
    elif n == 759: label = 'case_108_' + str(135.0)
    elif n == 766: label = 'case_109_' + str(136.25)
    elif n == 773: label = 'case_110_' + str(137.5)
    elif n == 780: label = 'case_111_' + str(138.75)
    elif n == 787: label = 'case_112_' + str(140.0)
    elif n == 794: label = 'case_113_' + str(141.25)
    elif n == 801: label = 'case_114_' + str(142.5)
    elif n == 808: label = 'case_115_' + str(143.75)
    elif n == 815: label = 'case_116_' + str(145.0)
    elif n == 822: label = 'case_117_' + str(146.25)
    elif n == 829: label = 'case_118_' + str(147.5)
    elif n == 836: label = 'case_119_' + str(148.75)
    elif n == 843: label = 'case_120_' + str(150.0)
    elif n == 850: label = 'case_121_' + str(151.25)
    elif n == 857: label = 'case_122_' + str(152.5)
    elif n == 864: label = 'case_123_' + str(153.75)
    elif n == 871: label = 'case_124_' + str(155.0)
    elif n == 878: label = 'case_125_' + str(156.25)
    elif n == 885: label = 'case_126_' + str(157.5)
    elif n == 892: label = 'case_127_' + str(158.75)
    elif n == 899: label = 'case_128_' + str(160.0)
    elif n == 906: label = 'case_129_' + str(161.25)
    else: label = 'other'
    return label


def wide_locals():
    v0 = 5000; v1 = 5003; v2 = 5006; v3 = 5009; v4 = 5012; v5 = 5015; v6 = 5018; v7 = 5021; v8 = 5024; v9 = 5027; v10 = 5030; v11 = 5033; v12 = 5036; v13 = 5039; v14 = 5042
    v15 = 5045; v16 = 5048; v17 = 5051; v18 = 5054; v19 = 5057; v20 = 5060; v21 = 5063; v22 = 5066; v23 = 5069; v24 = 5072; v25 = 5075; v26 = 5078; v27 = 5081; v28 = 5084; v29 = 5087
    v30 = 5090; v31 = 5093; v32 = 5096; v33 = 5099; v34 = 5102; v35 = 5105; v36 = 5108; v37 = 5111; v38 = 5114; v39 = 5117; v40 = 5120; v41 = 5123; v42 = 5126; v43 = 5129; v44 = 5132
    v45 = 5135; v46 = 5138; v47 = 5141; v48 = 5144; v49 = 5147; v50 = 5150; v51 = 5153; v52 = 5156; v53 = 5159; v54 = 5162; v55 = 5165; v56 = 5168; v57 = 5171; v58 = 5174; v59 = 5177
    v60 = 5180; v61 = 5183; v62 = 5186; v63 = 5189; v64 = 5192; v65 = 5195; v66 = 5198; v67 = 5201; v68 = 5204; v69 = 5207; v70 = 5210; v71 = 5213; v72 = 5216; v73 = 5219; v74 = 5222
    v75 = 5225; v76 = 5228; v77 = 5231; v78 = 5234; v79 = 5237; v80 = 5240; v81 = 5243; v82 = 5246; v83 = 5249; v84 = 5252; v85 = 5255; v86 = 5258; v87 = 5261; v88 = 5264; v89 = 5267
    v90 = 5270; v91 = 5273; v92 = 5276; v93 = 5279; v94 = 5282; v95 = 5285; v96 = 5288; v97 = 5291; v98 = 5294; v99 = 5297; v100 = 5300; v101 = 5303; v102 = 5306; v103 = 5309; v104 = 5312
    v105 = 5315; v106 = 5318; v107 = 5321; v108 = 5324; v109 = 5327; v110 = 5330; v111 = 5333; v112 = 5336; v113 = 5339; v114 = 5342; v115 = 5345; v116 = 5348; v117 = 5351; v118 = 5354; v119 = 5357
    v120 = 5360; v121 = 5363; v122 = 5366; v123 = 5369; v124 = 5372; v125 = 5375; v126 = 5378; v127 = 5381; v128 = 5384; v129 = 5387; v130 = 5390; v131 = 5393; v132 = 5396; v133 = 5399; v134 = 5402
    v135 = 5405; v136 = 5408; v137 = 5411; v138 = 5414; v139 = 5417; v140 = 5420; v141 = 5423; v142 = 5426; v143 = 5429; v144 = 5432; v145 = 5435; v146 = 5438; v147 = 5441; v148 = 5444; v149 = 5447
    v150 = 5450; v151 = 5453; v152 = 5456; v153 = 5459; v154 = 5462; v155 = 5465; v156 = 5468; v157 = 5471; v158 = 5474; v159 = 5477; v160 = 5480; v161 = 5483; v162 = 5486; v163 = 5489; v164 = 5492
    v165 = 5495; v166 = 5498; v167 = 5501; v168 = 5504; v169 = 5507; v170 = 5510; v171 = 5513; v172 = 5516; v173 = 5519; v174 = 5522; v175 = 5525; v176 = 5528; v177 = 5531; v178 = 5534; v179 = 5537
    v180 = 5540; v181 = 5543; v182 = 5546; v183 = 5549; v184 = 5552; v185 = 5555; v186 = 5558; v187 = 5561; v188 = 5564; v189 = 5567; v190 = 5570; v191 = 5573; v192 = 5576; v193 = 5579; v194 = 5582
    v195 = 5585; v196 = 5588; v197 = 5591; v198 = 5594; v199 = 5597; v200 = 5600; v201 = 5603; v202 = 5606; v203 = 5609; v204 = 5612; v205 = 5615; v206 = 5618; v207 = 5621; v208 = 5624; v209 = 5627
    v210 = 5630; v211 = 5633; v212 = 5636; v213 = 5639; v214 = 5642; v215 = 5645; v216 = 5648; v217 = 5651; v218 = 5654; v219 = 5657; v220 = 5660; v221 = 5663; v222 = 5666; v223 = 5669; v224 = 5672
    v225 = 5675; v226 = 5678; v227 = 5681; v228 = 5684; v229 = 5687; v230 = 5690; v231 = 5693; v232 = 5696; v233 = 5699; v234 = 5702; v235 = 5705; v236 = 5708; v237 = 5711; v238 = 5714; v239 = 5717
    v240 = 5720; v241 = 5723; v242 = 5726; v243 = 5729; v244 = 5732; v245 = 5735; v246 = 5738; v247 = 5741; v248 = 5744; v249 = 5747; v250 = 5750; v251 = 5753; v252 = 5756; v253 = 5759; v254 = 5762
    v255 = 5765; v256 = 5768; v257 = 5771; v258 = 5774; v259 = 5777; v260 = 5780; v261 = 5783; v262 = 5786; v263 = 5789; v264 = 5792; v265 = 5795; v266 = 5798; v267 = 5801; v268 = 5804; v269 = 5807
    total = v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19 + v20 + v21 + v22 + v23 + v24 + v25 + v26 + v27 + v28 + v29
    total += v240 + v241 + v242 + v243 + v244 + v245 + v246 + v247 + v248 + v249 + v250 + v251 + v252 + v253 + v254 + v255 + v256 + v257 + v258 + v259 + v260 + v261 + v262 + v263 + v264 + v265 + v266 + v267 + v268 + v269
    return total, v0, v135, v269


r = many_constants(5)
print(len(r), r[0], r[1], r[150], r[-1], sum(r))
print(many_constants(-1))
for n in (3, 10, 17, 500, 906, 907, 0, -7):
    print(n, classify(n))
print(wide_locals())
print(len(many_constants.__code__.co_consts) > 256, len(wide_locals.__code__.co_varnames))
