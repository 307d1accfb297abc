"""The commented profile template written by ``matcheck init`` (filled in by the profile work)."""

TEMPLATE = """# 《上海市居住证》积分 申请人资料 (matcheck profile)
applicant:
  name: 
"""
