// Texts of the notifications, one entry per kind (lib/notifications/messages.ts), in both languages.
// {placeholders} are the notification's parameters: names and reasons as entered, amounts formatted.
export const zh = {
  unknown: '通知',
  noteSuffix: '备注：{note}',
  application: {
    submitted: { title: '新的融资申请：{product}', body: '申请金额 {amount}，期限 {term}。' },
    withdraw: { title: '企业已撤回融资申请：{product}', body: '' },
    resubmit: { title: '企业已补充材料并重新提交：{product}', body: '' },
    accept: { title: '您的融资申请已受理：{product}', body: '' },
    approve: { title: '您的融资申请已获授信：{product}', body: '' },
    approveTerms: '授信 {amount}，年利率 {rate}，期限 {term}。请在申请页查看详情。',
    disburse: { title: '您的贷款已放款：{product}', body: '' },
    reject: { title: '您的融资申请未获通过：{product}', body: '理由：{reason}' },
    request_materials: { title: '机构要求补充材料：{product}', body: '{reason}' },
  },
  match: {
    interest: {
      title: '{institution}希望对接您的融资需求（{enterprise}）',
      body: '接受后，该机构可查看贵企业的财务信息、材料和知识产权评估值（有效期一年）。',
    },
    declined: { title: '{enterprise}婉拒了贵机构的对接意向（{product}）', body: '' },
    accepted: { title: '{enterprise}接受了贵机构的对接意向（{product}）', body: '企业已授权贵机构查看其财务信息、材料和知识产权评估值，有效期一年。' },
  },
  loan: {
    repay: { title: '贷款已结清：本金 {principal}', body: '感谢按时还款。如有知识产权质押，质押已同时解除。' },
    mark_overdue: { title: '贷款已逾期：在贷余额 {outstanding}', body: '请尽快联系贷款机构归还到期款项，逾期将影响企业信用。' },
    cure: { title: '逾期款项已还清，贷款恢复正常', body: '请继续按还款计划还款。' },
    default: { title: '贷款已认定为不良（违约）：在贷余额 {outstanding}', body: '贷款机构可能处置质押物并申请风险补偿，请尽快与贷款机构联系。' },
    compensate: { title: '风险补偿资金已对该笔贷款完成代偿', body: '代偿不免除企业的还款责任。' },
    write_off: { title: '贷款已由贷款机构核销', body: '核销不免除企业的还款责任。' },
    repayment: { title: '已登记还款：本金 {principal}，利息 {interest}', body: '还款日期 {paidOn}；在贷余额 {outstanding}。' },
  },
  pledge: {
    register: { title: '知识产权质押已登记，质押登记号 {registrationNumber}', body: '登记日期 {registeredOn}。质押期间相关知识产权不能再用于其他质押。' },
    release: { title: '贷款已结清，知识产权质押已解除', body: '请向国家知识产权局办理质押注销登记；相关知识产权可再次用于融资。' },
    enforce: { title: '质押知识产权已进入处置程序', body: '贷款违约后，贷款机构已依法处置质押的知识产权。' },
  },
  claim: {
    filed: { title: '新的补偿申请：{scheme}', body: '损失 {loss}，按规则测算补偿 {compensation}。' },
    approve: { title: '补偿申请已获批准：{scheme}，补偿 {compensation}', body: '补偿资金将按资金余额拨付。' },
    reject: { title: '补偿申请未获批准：{reason}', body: '如有补充材料，可重新提交补偿申请。' },
    paid: { title: '风险补偿已拨付：{paid}', body: '{scheme}已按核定金额拨付。', bodyPartial: '{scheme}余额不足，按余额拨付（核定补偿 {approved}）。' },
  },
  institution: {
    approve: { title: '贵机构的入驻申请已通过审核，现在可以发布金融产品。', body: '' },
    reject: { title: '贵机构的入驻申请未通过审核：{reason}', body: '' },
    suspend: { title: '贵机构已被园区管理员暂停。', body: '' },
    reactivate: { title: '贵机构已恢复正常。', body: '' },
    registered: { title: '金融机构入驻申请待审核：{institution}', body: '请核验机构资质、统一社会信用代码与联系人信息。' },
  },
  enterprise: {
    verify: { title: '企业认证已通过园区管理员核验', body: '贵企业的登记信息已核验通过。' },
    reject: { title: '企业认证未通过核验：{note}', body: '请对照营业执照核对企业信息，修改后联系园区管理员重新核验。' },
    revoke: { title: '企业认证已被撤销：{note}', body: '如有异议，请联系园区科技金融服务中心。' },
    reopen: { title: '企业认证已重新进入核验队列', body: '园区管理员将重新核验贵企业的信息。' },
    registered: { title: '新企业注册待核验：{enterprise}', body: '请核验营业执照及企业基本信息。' },
    registeredFlagged: { title: '新企业注册（{flags}，需人工核验）：{enterprise}', body: '请核验营业执照及企业基本信息。' },
    flagCheckFailed: '信用代码未通过校验',
    flagOutsideZone: '信用代码的行政区划不在园区所在城市',
    flagSeparator: '；',
  },
  certification: {
    verify: { title: '资质认证已通过核验：{certification}', body: '该资质将计入产品准入与匹配。' },
    reject: { title: '资质认证未通过核验：{certification}，理由：{note}', body: '该资质不计入产品准入与匹配，请核对证书信息后重新提交。' },
    revoke: { title: '资质认证已被撤销：{certification}，理由：{note}', body: '该资质不再计入产品准入与匹配。' },
    reopen: { title: '资质认证已重新进入核验队列：{certification}', body: '园区管理员将重新核验该资质。' },
    submitted: { title: '新资质待核验：{certification}', body: '' },
    pending: { title: '认证材料待审核：{certification}', body: '您提交的证书已进入管理员审核队列，审核通过后将计入产品匹配。' },
    named: '{kind}（{number}）',
  },
  product: {
    recommended: { title: '新产品推荐：{product}', body: '根据贵企业的资质与创新积分，您符合「{product}」的申请条件。' },
  },
  need: {
    stale: { title: '融资需求超过3个工作日无机构响应：{enterprise}', body: '{amount}，期限 {term}，发布于 {postedOn}。' },
  },
};

export const en: typeof zh = {
  unknown: 'Notification',
  noteSuffix: 'Note: {note}',
  application: {
    submitted: { title: 'New financing application: {product}', body: 'Amount {amount}, term {term}.' },
    withdraw: { title: 'The enterprise withdrew its application: {product}', body: '' },
    resubmit: { title: 'The enterprise added materials and resubmitted: {product}', body: '' },
    accept: { title: 'Your financing application was accepted for review: {product}', body: '' },
    approve: { title: 'Your financing application was approved: {product}', body: '' },
    approveTerms: 'Approved: {amount} at {rate} a year for {term}. See the application for the details.',
    disburse: { title: 'Your loan has been disbursed: {product}', body: '' },
    reject: { title: 'Your financing application was not approved: {product}', body: 'Reason: {reason}' },
    request_materials: { title: 'The institution asks for more materials: {product}', body: '{reason}' },
  },
  match: {
    interest: {
      title: '{institution} would like to discuss your financing need ({enterprise})',
      body: 'If you accept, this institution may see your financial details, documents and IP valuations for one year.',
    },
    declined: { title: '{enterprise} declined your institution’s interest ({product})', body: '' },
    accepted: {
      title: '{enterprise} accepted your institution’s interest ({product})',
      body: 'The enterprise lets your institution see its financial details, documents and IP valuations for one year.',
    },
  },
  loan: {
    repay: { title: 'Loan repaid in full: principal {principal}', body: 'Thank you for repaying on time. Any IP pledge has been released as well.' },
    mark_overdue: {
      title: 'Loan overdue: outstanding {outstanding}',
      body: 'Please contact the lender soon to repay the amount due; overdue loans affect your credit.',
    },
    cure: { title: 'Overdue amount repaid; the loan is back to normal', body: 'Please keep repaying according to the schedule.' },
    default: {
      title: 'Loan classified as non-performing (default): outstanding {outstanding}',
      body: 'The lender may realise the collateral and claim risk compensation; please contact the lender soon.',
    },
    compensate: {
      title: 'The risk-sharing scheme has compensated the lender for this loan',
      body: 'Compensation does not release the enterprise from repaying.',
    },
    write_off: { title: 'The lender has written off the loan', body: 'A write-off does not release the enterprise from repaying.' },
    repayment: { title: 'Repayment recorded: principal {principal}, interest {interest}', body: 'Paid on {paidOn}; outstanding {outstanding}.' },
  },
  pledge: {
    register: {
      title: 'IP pledge registered, registration number {registrationNumber}',
      body: 'Registered on {registeredOn}. While pledged, the IP cannot be pledged elsewhere.',
    },
    release: {
      title: 'Loan repaid; the IP pledge is released',
      body: 'Please have the pledge deregistered at CNIPA; the IP may be used for financing again.',
    },
    enforce: { title: 'The pledged IP is being realised', body: 'After the default, the lender has lawfully realised the pledged IP.' },
  },
  claim: {
    filed: { title: 'New compensation claim: {scheme}', body: 'Loss {loss}; compensation by the rules {compensation}.' },
    approve: { title: 'Compensation claim approved: {scheme}, compensation {compensation}', body: 'The compensation will be paid from the fund’s balance.' },
    reject: { title: 'Compensation claim not approved: {reason}', body: 'You may file a new claim with further materials.' },
    paid: {
      title: 'Risk compensation paid: {paid}',
      body: '{scheme} paid the approved amount.',
      bodyPartial: '{scheme} had too little balance and paid what it holds (approved compensation {approved}).',
    },
  },
  institution: {
    approve: { title: 'Your institution’s application to join was approved; you can now publish financial products.', body: '' },
    reject: { title: 'Your institution’s application to join was not approved: {reason}', body: '' },
    suspend: { title: 'Your institution has been suspended by the zone administrator.', body: '' },
    reactivate: { title: 'Your institution is active again.', body: '' },
    registered: {
      title: 'Financial institution awaiting approval: {institution}',
      body: 'Please check the institution’s licences, unified social credit code and contact person.',
    },
  },
  enterprise: {
    verify: { title: 'Enterprise verified by the zone administrator', body: 'Your enterprise’s registration details have been verified.' },
    reject: {
      title: 'Enterprise verification refused: {note}',
      body: 'Please check your details against the business licence, correct them and ask the zone administrator to verify again.',
    },
    revoke: { title: 'Enterprise verification revoked: {note}', body: 'If you disagree, please contact the zone’s tech-finance service centre.' },
    reopen: { title: 'Enterprise verification is back in the queue', body: 'The zone administrator will verify your enterprise’s details again.' },
    registered: { title: 'New enterprise awaiting verification: {enterprise}', body: 'Please check the business licence and the enterprise’s details.' },
    registeredFlagged: {
      title: 'New enterprise ({flags}; check by hand): {enterprise}',
      body: 'Please check the business licence and the enterprise’s details.',
    },
    flagCheckFailed: 'credit code failed its check character',
    flagOutsideZone: 'credit code’s region is outside the zone’s city',
    flagSeparator: '; ',
  },
  certification: {
    verify: { title: 'Certification verified: {certification}', body: 'It now counts towards product eligibility and matching.' },
    reject: {
      title: 'Certification refused: {certification}, reason: {note}',
      body: 'It does not count towards eligibility and matching; please check the certificate and submit it again.',
    },
    revoke: { title: 'Certification revoked: {certification}, reason: {note}', body: 'It no longer counts towards eligibility and matching.' },
    reopen: { title: 'Certification is back in the verification queue: {certification}', body: 'The zone administrator will verify it again.' },
    submitted: { title: 'New certification to verify: {certification}', body: '' },
    pending: {
      title: 'Certificate awaiting review: {certification}',
      body: 'Your certificate is in the administrator’s queue; once verified it counts in product matching.',
    },
    named: '{kind} ({number})',
  },
  product: {
    recommended: {
      title: 'Recommended product: {product}',
      body: 'Your certifications and innovation score meet the conditions of “{product}”.',
    },
  },
  need: {
    stale: {
      title: 'Financing need without an institution’s response for 3 working days: {enterprise}',
      body: '{amount}, term {term}, posted on {postedOn}.',
    },
  },
};
