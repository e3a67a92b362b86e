-- TEMP: one row per sector, how the demo city draws it. Shares weight the enterprise mix by township
-- kind (zones are industrial, subdistricts crowded places, rural townships mines and farming);
-- accident_weight sets the sector's share of accidents (road and construction dominate);
-- no_enterprise_rate is the share of its accidents without an enterprise (individual vehicles, homes).
-- Lists repeat an element to weight it (demo_pick).
create or replace temp table demo_sector_profile as
select p.*, s.inherent_risk, s.is_high_risk, s.name_zh
from (values
    ('coal_mine', 0.0, 0.0, 0.6, 300, ['煤业有限公司', '煤矿', '矿业有限公司'],
     1.5, 0.0, ['roof_fall', 'roof_fall', 'roof_fall', 'gas_explosion', 'water_inrush', 'vehicle', 'vehicle', 'machinery', 'electric_shock'],
     ['gas_explosion', 'water_inrush', 'roof_fall'],
     ['通风系统不完善', '顶板支护不到位', '井下监测监控失效', '排水设施不完善', '特种作业无证上岗', '安全管理制度不健全'],
     ['瓦斯超限作业', '水害防治措施不落实', '超能力生产'],
     ['采煤工作面', '主井提升系统', '井下排水系统'], ['roof_fall', 'vehicle', 'water_inrush']),
    ('metal_nonmetal_mine', 0.2, 0.0, 2.2, 60, ['矿业有限公司', '石料厂', '建材矿业有限公司'],
     3.0, 0.0, ['roof_fall', 'roof_fall', 'collapse', 'collapse', 'blasting', 'vehicle', 'vehicle', 'fall_from_height', 'machinery'],
     ['roof_fall', 'collapse'],
     ['边坡超高超陡', '爆破作业不规范', '通风系统不完善', '顶板支护不到位', '特种作业无证上岗', '安全警示标志缺失'],
     ['超层越界开采', '边坡台阶高度超规', '水文地质不清未探放水'],
     ['露天采场边坡', '尾矿库', '地下采掘工作面'], ['collapse', 'collapse', 'roof_fall']),
    ('hazardous_chemicals', 8.0, 1.5, 2.0, 80, ['化工有限公司', '化学有限公司', '精细化工有限公司', '气体有限公司', '石化销售有限公司'],
     3.0, 0.0, ['poisoning_asphyxiation', 'poisoning_asphyxiation', 'poisoning_asphyxiation', 'other_explosion', 'other_explosion', 'fire', 'fire', 'scald_burn', 'vessel_explosion'],
     ['other_explosion', 'poisoning_asphyxiation', 'fire'],
     ['储罐区防火堤破损', '可燃气体报警器失效', '危化品混存', '动火作业未审批', '静电接地不规范', '安全阀未校验', '特种作业无证上岗'],
     ['重点监管危险化工工艺未实现自动化控制', '储罐区未设紧急切断', '危化品库超量储存', '安全距离不足'],
     ['储罐区', '反应釜装置区', '危化品仓库'], ['other_explosion', 'other_explosion', 'fire']),
    ('fireworks', 0.3, 0.3, 1.3, 40, ['烟花爆竹有限公司', '花炮厂', '烟花爆竹批发有限公司'],
     1.5, 0.0, ['explosive_explosion', 'explosive_explosion', 'explosive_explosion', 'explosive_explosion', 'fire'],
     ['explosive_explosion'],
     ['超量储存', '防雷设施失效', '违规混存', '工房定员超标', '安全警示标志缺失'],
     ['工房超量储存', '违规生产黑火药', '仓库防雷设施失效'],
     ['药物混合工房', '成品仓库'], ['explosive_explosion', 'explosive_explosion']),
    ('construction', 8.0, 15.0, 11.0, 120, ['建筑工程有限公司', '建设集团有限公司', '建筑安装工程有限公司', '市政工程有限公司', '路桥工程有限公司'],
     18.0, 0.0, ['fall_from_height', 'fall_from_height', 'fall_from_height', 'fall_from_height', 'fall_from_height', 'object_strike', 'object_strike', 'object_strike', 'collapse', 'collapse', 'lifting', 'lifting', 'electric_shock', 'machinery', 'vehicle'],
     ['collapse', 'collapse', 'lifting', 'fall_from_height'],
     ['临边洞口防护缺失', '脚手架搭设不规范', '塔吊限位装置失效', '施工用电不规范', '基坑支护不到位', '高处作业未系安全带', '模板支撑体系不规范', '特种作业无证上岗'],
     ['深基坑未按方案施工', '高支模未按规定验收', '起重机械安全装置失效', '建筑起重机械未经验收使用'],
     ['深基坑', '高大模板支撑体系', '塔吊起重作业区'], ['collapse', 'collapse', 'lifting']),
    ('industry_trade', 55.0, 22.0, 38.0, 35, ['建材有限公司', '机械制造有限公司', '纺织有限公司', '食品有限公司', '铸造有限公司', '木业有限公司', '钢结构有限公司', '铝业有限公司', '包装有限公司', '商贸有限公司', '粮油有限公司', '家具有限公司'],
     14.0, 0.0, ['machinery', 'machinery', 'machinery', 'machinery', 'object_strike', 'object_strike', 'poisoning_asphyxiation', 'poisoning_asphyxiation', 'lifting', 'lifting', 'fall_from_height', 'fall_from_height', 'electric_shock', 'scald_burn', 'other_explosion', 'vehicle', 'fire'],
     ['poisoning_asphyxiation', 'poisoning_asphyxiation', 'other_explosion', 'scald_burn'],
     ['有限空间作业未审批', '粉尘清扫不及时', '机械设备防护罩缺失', '用电不规范', '消防设施缺失', '行车吊具磨损', '动火作业未审批', '特种作业无证上岗', '安全警示标志缺失', '劳动防护用品未正确佩戴'],
     ['粉尘涉爆除尘系统不符合要求', '有限空间作业未审批且未检测', '煤气区域未设置固定式报警仪', '熔融金属吊运设备不符合要求'],
     ['有限空间作业点', '粉尘涉爆车间', '液氨制冷车间', '熔融金属吊运区'], ['poisoning_asphyxiation', 'other_explosion', 'poisoning_asphyxiation', 'scald_burn']),
    ('road_transport', 7.0, 10.0, 10.0, 50, ['运输有限公司', '物流有限公司', '客运有限公司', '汽车运输有限公司', '危险货物运输有限公司'],
     40.0, 0.55, ['vehicle', 'vehicle', 'vehicle', 'vehicle', 'vehicle', 'vehicle', 'vehicle', 'vehicle', 'vehicle', 'other_injury'],
     ['vehicle'],
     ['车辆动态监控不在线', '驾驶员超时驾驶', '车辆未按期检测', '安全例会记录不全', '危险货物运输资质不全', '应急预案未演练'],
     ['重型货车制动系统失效', '客运车辆超员', '危险货物运输车辆无证'],
     ['客运车队', '危险货物运输车队'], ['vehicle', 'other_explosion']),
    ('fire', 5.0, 30.0, 11.0, 25, ['大酒店有限公司', '商贸城', '购物广场有限公司', '娱乐有限公司', '宾馆', '养老院', '超市有限公司', '网吧'],
     7.0, 0.3, ['fire', 'fire', 'fire', 'fire', 'fire', 'fire', 'fire', 'fire', 'poisoning_asphyxiation', 'other_injury'],
     ['fire'],
     ['疏散通道堵塞', '安全出口锁闭', '消防设施缺失', '电动车违规充电', '应急照明失效', '装修材料不符合防火要求', '员工不会使用灭火器', '用电不规范'],
     ['人员密集场所安全出口数量不足', '消防设施严重缺失', '违规使用易燃可燃材料装修'],
     ['营业大厅', '歌舞娱乐区', '住宿区', '老人居住楼'], ['fire', 'fire', 'fire', 'fire']),
    ('special_equipment', 6.0, 5.0, 4.0, 40, ['热力有限公司', '游乐园有限公司', '起重设备安装有限公司', '电梯工程有限公司'],
     4.0, 0.0, ['lifting', 'lifting', 'lifting', 'boiler_explosion', 'vessel_explosion', 'machinery', 'machinery', 'other_injury'],
     ['lifting', 'boiler_explosion', 'vessel_explosion'],
     ['特种设备未定期检验', '电梯维保记录不全', '压力容器安全附件失效', '锅炉水质不达标', '特种作业无证上岗'],
     ['起重机械超期未检验', '压力容器超期未检验'],
     ['大型游乐设施', '锅炉房'], ['machinery', 'boiler_explosion']),
    ('gas', 1.5, 2.0, 1.0, 60, ['燃气有限公司', '天然气有限公司', '液化气站'],
     2.0, 0.2, ['other_explosion', 'other_explosion', 'other_explosion', 'fire', 'fire', 'poisoning_asphyxiation'],
     ['other_explosion'],
     ['燃气管道腐蚀', '调压设施未检测', '用户端泄漏报警器缺失', '场站防静电不规范', '消防设施缺失'],
     ['燃气管道占压', '场站安全间距不足', '泄漏报警联锁失效'],
     ['LNG储配站', '调压站', '液化气储罐区'], ['other_explosion', 'other_explosion', 'other_explosion']),
    ('waterway', 0.0, 0.5, 1.5, 20, ['航运有限公司', '船务有限公司', '渡口'],
     1.5, 0.4, ['drowning', 'drowning', 'drowning', 'drowning', 'other_injury'],
     ['drowning'],
     ['救生设备不足', '船舶超载', '船员无证驾驶', '渡口安全设施不全'],
     ['船舶无证航行'],
     ['渡运航线'], ['drowning']),
    ('fishing', 0.0, 0.0, 2.0, 6, ['渔业有限公司', '水产养殖专业合作社'],
     1.0, 0.5, ['drowning', 'drowning', 'drowning', 'drowning', 'machinery'],
     ['drowning'],
     ['救生衣配备不足', '渔船证书过期', '通导设备故障'],
     ['渔船超航区作业'],
     ['渔港码头'], ['drowning']),
    ('agricultural_machinery', 0.0, 0.0, 4.5, 8, ['农机专业合作社', '农机服务有限公司'],
     2.0, 0.7, ['vehicle', 'vehicle', 'vehicle', 'machinery', 'machinery'],
     ['vehicle'],
     ['拖拉机未年检', '农机驾驶人无证', '安全防护装置缺失'],
     ['农机严重带病作业'],
     ['农机作业区'], ['vehicle']),
    ('other', 9.0, 13.7, 11.0, 15, ['物业管理有限公司', '餐饮管理有限公司', '仓储有限公司', '环卫服务有限公司', '科技有限公司'],
     1.5, 0.0, ['electric_shock', 'fall_from_height', 'machinery', 'other_injury', 'other_injury', 'poisoning_asphyxiation'],
     ['poisoning_asphyxiation'],
     ['用电不规范', '消防设施缺失', '安全管理制度不健全', '安全教育培训记录不全'],
     ['消防设施严重缺失'],
     ['地下车库', '有限空间作业点'], ['fire', 'poisoning_asphyxiation'])
) p(code, share_zone, share_urban, share_rural, employees_median, business_words,
    accident_weight, no_enterprise_rate, accident_types, larger_types,
    hazard_categories, major_categories, site_names, site_types)
join sectors s on s.code = p.code;

-- cumulative sector mix per township kind group, for an ASOF draw
create or replace temp table demo_sector_mix as
with shares as (
    select code, 'zone' as kind_group, share_zone as share from demo_sector_profile
    union all select code, 'urban', share_urban from demo_sector_profile
    union all select code, 'rural', share_rural from demo_sector_profile
)
select
    kind_group,
    code,
    coalesce(sum(share) over (partition by kind_group order by code rows between unbounded preceding and 1 preceding), 0)
        / sum(share) over (partition by kind_group) as cum_lo
from shares
where share > 0;
