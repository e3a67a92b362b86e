-- Schema version 27 (issue 18):
--   key_sites.filed_departments  the 有关部门 a 重点部位 ledger entry was filed with besides the city's and the
--                                county's safety committee offices ("the ledger is filed with 有关部门 too",
--                                行业主管部门, setting sector_departments): department names as the setting writes
--                                them, separated by 、 or commas (import column 报备有关部门, docs/import.md); read
--                                by sql/priority/sites_by_department.sql and shown on the ledger and the site card.
--                                Free text needs no constraint: ALTER, as migration 026 did for hazards.
--   assessment_points_per_class_target  the township assessment's points off 死亡控制 per control target per
--                                class exceeded (docs/township-assessment.md rule 7) for an existing database (a
--                                new one gets it with the other defaults, reference.SETTINGS); the veto switch
--                                assessment_veto_target_exceeded, which now also covers the class targets, gets
--                                the description that says so where it still has the shipped one.
alter table key_sites add column if not exists filed_departments varchar;

insert into settings (key, value, description_zh, description_en)
select 'assessment_points_per_class_target', '20', '乡镇考核：每超过1项分类控制指标（某类死亡人数或较大及以上事故起数）扣分', 'Township assessment: points off the deaths component per control target per class exceeded (deaths of a class, or the number of relatively major or worse accidents)'
where exists (select 1 from settings)
  and 'assessment_points_per_class_target' not in (select key from settings);

update settings
set description_zh = '乡镇考核一票否决：死亡（含失踪）超过控制指标，或超过分类控制指标（1 启用，0 停用）',
    description_en = 'Township assessment veto: deaths (incl. missing) above the control target, or a control target per class exceeded (1 on, 0 off)'
where key = 'assessment_veto_target_exceeded'
  and description_zh = '乡镇考核一票否决：死亡（含失踪）超过控制指标（1 启用，0 停用）';
