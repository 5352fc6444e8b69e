import ZhudianCore

/// The counts of the statistics tables that a roster knows, month by month.
enum MonthCounts {
    struct Month {
        let key: String
        let range: DateRange
    }

    struct Counts {
        var cityPeople = 0, countyPeople = 0, citySites = 0, countySites = 0
        static func + (a: Counts, b: Counts) -> Counts {
            Counts(cityPeople: a.cityPeople + b.cityPeople, countyPeople: a.countyPeople + b.countyPeople,
                   citySites: a.citySites + b.citySites, countySites: a.countySites + b.countySites)
        }
    }

    /// Calendar months that meet the plan.
    static func months(_ facts: RosterFacts) -> [Month] {
        let h = facts.horizon
        guard h.dayCount > 0, var first = CivilDate(year: h.from.year, month: h.from.month, day: 1) else { return [] }
        var out: [Month] = []
        while first <= h.to {
            let next = first.addingMonths(1)
            out.append(Month(key: first.monthKey, range: DateRange(from: max(first, h.from), to: min(next.addingDays(-1), h.to))))
            first = next
        }
        return out
    }

    static func isCity(_ person: String, _ facts: RosterFacts) -> Bool {
        guard let u = facts.unit(facts.homeUnit(person)) else { return false }
        return u.kind == .office && u.level == .city
    }

    /// People present in the month and the sites they cover, by level.
    static func resident(_ m: Month, _ facts: RosterFacts) -> Counts {
        var city = Set<String>(), county = Set<String>(), citySites = Set<String>(), countySites = Set<String>()
        for term in facts.roster.terms {
            for stay in term.stays where DateRange(from: stay.arrive, to: stay.leave).overlaps(m.range) {
                if isCity(stay.person, facts) {
                    city.insert(stay.person)
                    citySites.insert(stay.site)
                } else {
                    county.insert(stay.person)
                    countySites.insert(stay.site)
                }
            }
        }
        return Counts(cityPeople: city.count, countyPeople: county.count, citySites: citySites.count, countySites: countySites.count)
    }

    /// Visits in the month: each person at a visit one 人次 of their level; each visit one 家次
    /// for every level present at it.
    static func visiting(_ m: Month, _ facts: RosterFacts) -> Counts {
        var c = Counts()
        for term in facts.roster.terms {
            for v in term.visits ?? [] where m.range.contains(v.date) {
                let cities = v.people.filter { isCity($0, facts) }.count
                c.cityPeople += cities
                c.countyPeople += v.people.count - cities
                if cities > 0 { c.citySites += 1 }
                if cities < v.people.count { c.countySites += 1 }
            }
        }
        return c
    }
}
