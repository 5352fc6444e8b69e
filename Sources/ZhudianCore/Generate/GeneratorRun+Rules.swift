/// Forbid and pin entries, placed only where the witness keeps them.
extension GeneratorRun {
    mutating func makeForbid(_ w: GeneratorWitness) -> [Forbid] {
        guard n >= 2, forbidCount > 0, !people.isEmpty else { return [] }
        let plan = planTerms(w)
        var result: [Forbid] = []
        var taken = Set<String>()
        var tries = 0
        while result.count < forbidCount, tries < forbidCount * 40 {
            tries += 1
            let v = rng.int(below: n)
            if rng.chance(0.7) {
                let p = rng.int(below: people.count)
                let u = personUnit[p]
                guard u != v, u >= n || !sameGroup(u, v) else { continue }
                if taken.contains("\(u)|\(v)") || taken.contains("p\(p)|\(v)") { continue }
                // Only pairs the witness never uses, so the witness stays a valid plan.
                if plan.contains(where: { w.siteOf[$0.index][p] == v }) { continue }
                taken.insert("p\(p)|\(v)")
                result.append(
                    Forbid(subject: .person(people[p].id), site: units[v].id, reason: rng.pick(Names.personConflicts)))
            } else {
                let u = rng.int(below: units.count)
                guard u != v, units[u].sends, u >= n || !sameGroup(u, v), !taken.contains("\(u)|\(v)") else { continue }
                if u < n, plan.contains(where: { w.links[$0.index][u] == v }) { continue }
                taken.insert("\(u)|\(v)")
                result.append(
                    Forbid(subject: .unit(units[u].id), site: units[v].id, reason: rng.pick(Names.unitConflicts)))
            }
        }
        return result
    }

    mutating func makePins(_ w: GeneratorWitness) -> [Pin] {
        guard pinCount > 0, n > 0 else { return [] }
        var unitFacts: [(term: Int, unit: Int, site: Int)] = []
        var personFacts: [(term: Int, person: Int, site: Int)] = []
        for (t, k) in planTerms(w) {
            for u in 0..<n {
                unitFacts.append((t, u, w.links[k][u]))
                for p in w.teams[k][u] { personFacts.append((t, p, w.links[k][u])) }
            }
        }
        rng.shuffle(&unitFacts)
        rng.shuffle(&personFacts)
        var chosen: [(order: Int, pin: Pin)] = []
        var nextUnit = 0
        var nextPerson = 0
        // Unit pins mean a team under ring and cycles; under free only person pins are unambiguous.
        let teams = structure != .free
        while chosen.count < pinCount {
            if teams, chosen.count % 2 == 0 || nextPerson >= personFacts.count, nextUnit < unitFacts.count {
                let f = unitFacts[nextUnit]
                nextUnit += 1
                chosen.append(
                    (chosen.count, Pin(term: f.term, subject: .unit(units[f.unit].id), site: units[f.site].id)))
            } else if nextPerson < personFacts.count {
                let f = personFacts[nextPerson]
                nextPerson += 1
                chosen.append(
                    (chosen.count, Pin(term: f.term, subject: .person(people[f.person].id), site: units[f.site].id)))
            } else {
                break
            }
        }
        return chosen.sorted { ($0.pin.term, $0.order) < ($1.pin.term, $1.order) }.map(\.pin)
    }
}
