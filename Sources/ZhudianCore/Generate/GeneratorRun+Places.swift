/// Names, places and people of a generated scenario.
extension GeneratorRun {
    mutating func makeGeography() {
        cityName = rng.pick(Names.cities) ?? "枣庄"
        let centre = landPoint()
        cityCentre = centre
        var used = Set<String>()
        for _ in 0..<countyCount {
            let name = uniqueName(&used) { rng in
                (rng.pick(Names.countyFirst) ?? "") + (rng.pick(Names.countySecond) ?? "")
                    + (rng.chance(0.6) ? "县" : "区")
            }
            let point = countyCount == 1 ? centre : offset(centre, km: 10...55)
            counties.append(Place(name: name, lat: point.lat, lon: point.lon))
            var list: [Place] = []
            for _ in 0..<rng.int(in: 2...4) {
                let town = uniqueName(&used) { rng in
                    (rng.pick(Names.townFirst) ?? "") + (rng.pick(Names.townSecond) ?? "")
                        + (rng.chance(0.3) ? "子" : "") + (rng.chance(0.85) ? "镇" : "乡")
                }
                let p = offset(point, km: 4...20)
                list.append(Place(name: town, lat: p.lat, lon: p.lon))
            }
            towns.append(list)
        }
    }

    /// A point in the Shandong box that is not obviously at sea.
    mutating func landPoint() -> (lat: Double, lon: Double) {
        var point = (lat: 35.6, lon: 117.5)
        for _ in 0..<100 {
            let lat = rng.double(in: 34.9...37.1)
            let lon = rng.double(in: 115.9...121.6)
            // Rough coast: the Yellow Sea south-east of Rizhao, Laizhou Bay in the north.
            let sea = (lon > 119.4 && lat < 35.9) || (lon > 118.6 && lon < 120.3 && lat > 37.0)
            point = (lat, lon)
            if !sea { break }
        }
        return (round4(point.lat), round4(point.lon))
    }

    /// A point `km` away from `p` in a random direction, inside the Shandong box, rounded to 4 decimals.
    mutating func offset(_ p: (lat: Double, lon: Double), km: ClosedRange<Double>) -> (lat: Double, lon: Double) {
        // Rejection sampling in a square avoids sin/cos of a random angle.
        var dx = 0.0
        var dy = 0.0
        for _ in 0..<64 {
            dx = rng.double(in: -km.upperBound...km.upperBound)
            dy = rng.double(in: -km.upperBound...km.upperBound)
            let d2 = dx * dx + dy * dy
            if d2 >= km.lowerBound * km.lowerBound, d2 <= km.upperBound * km.upperBound { break }
        }
        let lat = p.lat + dy / 111.32
        let lon = p.lon + dx / (111.32 * cosineOfDegrees(p.lat))
        return (round4(min(37.5, max(34.5, lat))), round4(min(122, max(115.5, lon))))
    }

    mutating func uniqueName(_ used: inout Set<String>, _ make: (inout SeededGenerator) -> String) -> String {
        var name = make(&rng)
        var tries = 0
        while used.contains(name), tries < 40 {
            name = make(&rng)
            tries += 1
        }
        if used.contains(name) { name += String(used.count) }
        used.insert(name)
        return name
    }

    mutating func makeEnterprises() {
        groupOf = Array(repeating: nil, count: n)
        var groupBrands: [String] = []
        var groupNames: [String] = []
        var brands = Set<String>()
        // Groups larger than a third of the enterprises could leave no room for a ring.
        let maxSize = min(3, n / 3)
        if n >= 6, maxSize >= 2 {
            var left = Int((groupRate * Double(n)).rounded())
            let order = rng.shuffled(Array(0..<n))
            var i = 0
            while left >= 2, i + 2 <= n {
                let size = min(rng.int(in: 2...maxSize), left, n - i)
                if size < 2 { break }
                let brand = uniqueName(&brands) { Self.brand(&$0) }
                groupBrands.append(brand)
                groupNames.append(brand + (rng.pick(Names.groupSuffixes) ?? "集团"))
                for j in i..<(i + size) { groupOf[order[j]] = groupBrands.count - 1 }
                i += size
                left -= size
            }
        }
        var highRisk = Array(repeating: false, count: n)
        let riskCount = Int((highRiskRate * Double(n)).rounded())
        for u in rng.shuffled(Array(0..<n)).prefix(riskCount) { highRisk[u] = true }

        var mounts = Set<String>()
        let width = max(3, digits(n))
        for u in 0..<n {
            let c = rng.int(below: counties.count)
            let town = rng.pick(towns[c]) ?? counties[c]
            let p = offset((town.lat, town.lon), km: 0.5...15)
            let industry = rng.pick(Names.industries) ?? "矿业"
            let mount = uniqueName(&mounts) { rng in
                let first = rng.pick(Names.mountFirst) ?? "青"
                // 莲花山, 青峰山: a two-character name takes no second syllable.
                return first + (first.count > 1 ? "" : rng.pick(Names.mountSecond) ?? "") + "山"
            }
            let mineral = rng.pick(Names.minerals) ?? "石灰岩矿"
            let name: String
            if let g = groupOf[u] {
                name = "山东" + groupBrands[g] + industry + "有限公司" + mount + mineral
            } else {
                let brand = uniqueName(&brands) { Self.brand(&$0) }
                name = cityName + "市" + brand + industry + "有限公司" + mount + mineral
            }
            units.append(
                Unit(
                    id: "E" + pad(u + 1, width), name: name, short: mount + "矿", kind: .enterprise,
                    group: groupOf[u].map { groupNames[$0] }, town: town.name,
                    location: Location(lat: p.lat, lon: p.lon), minStaff: highRisk[u] ? 3 : nil))
        }
    }

    static func brand(_ rng: inout SeededGenerator) -> String {
        let a = rng.pick(Names.brand) ?? "泰"
        var b = rng.pick(Names.brand) ?? "兴"
        if a == b { b = rng.pick(Names.brand) ?? "兴" }
        return a + b
    }

    mutating func makeOffices() {
        let width = max(2, digits(officeCount))
        for i in 0..<officeCount {
            let id = "O" + pad(i + 1, width)
            if i == 0 {
                units.append(
                    Unit(
                        id: id, name: cityName + "市应急管理局", short: "市应急局", kind: .office, level: .city,
                        location: Location(lat: round4(cityCentre.lat), lon: round4(cityCentre.lon)),
                        sends: true, receives: false))
            } else {
                let c = counties[(i - 1) % counties.count]
                let round = (i - 1) / counties.count
                let team = round == 0 ? "" : "执法" + chineseNumber(round) + "中队"
                units.append(
                    Unit(
                        id: id, name: c.name + "应急管理局" + team, short: c.name + "应急局" + team,
                        kind: .office, level: .county, location: Location(lat: c.lat, lon: c.lon),
                        sends: true, receives: false))
            }
        }
    }

    /// Qualified people each enterprise needs so that a team can rest every other term.
    var qualifiedMinimum: Int {
        let maxStaff = units.prefix(n).map { $0.minStaff ?? rules.minStaff }.max() ?? rules.minStaff
        return 2 * maxStaff + rules.keepAtHome
    }

    mutating func makePeople() {
        unitPeople = Array(repeating: [], count: units.count)
        let minimum = qualifiedMinimum
        for u in 0..<units.count {
            let count = rng.int(in: peopleRange)
            var flags: [Bool] = []
            for _ in 0..<count {
                // Offices send bureau staff, all qualified.
                flags.append(u >= n || !rng.chance(unqualifiedRate))
            }
            var qualified = flags.filter { $0 }.count
            while u < n, qualified < minimum {
                flags.append(true)
                qualified += 1
            }
            for flag in flags { addPerson(unit: u, qualified: flag) }
        }
    }

    mutating func addPerson(unit u: Int, qualified: Bool) {
        let number = unitPeople[u].count + 1
        let id = units[u].id + "-" + pad(number, 2)
        let surname = rng.pick(Names.surnames) ?? "王"
        var given = rng.pick(Names.given) ?? "强"
        if rng.chance(0.6) { given += rng.pick(Names.given) ?? "" }
        let phone = (rng.pick(Names.phonePrefixes) ?? "138") + pad(rng.int(below: 100_000_000), 8)
        servedDraw.append(rng.int(in: 0...3))
        unitPeople[u].append(people.count)
        personUnit.append(u)
        people.append(
            Person(id: id, name: surname + given, unit: units[u].id, qualified: qualified, phone: phone))
    }

    func period() -> String {
        let s = calendar.start
        return String(s.year) + (s.month <= 6 ? "上半年" : "下半年")
    }

    func scenarioName() -> String {
        let place = countyCount == 1 ? (counties.first?.name ?? cityName) : cityName + "市"
        return place + "非煤矿山驻点监督 " + period()
    }

    func authorityName() -> String {
        countyCount == 1 ? (counties.first?.name ?? cityName) + "应急管理局" : cityName + "市应急管理局"
    }
}

private func round4(_ x: Double) -> Double { (x * 10_000).rounded() / 10_000 }

/// cos(degrees) by its Taylor series: plain arithmetic is bit-identical on every IEEE machine,
/// whereas the platform maths library may differ in the last place and change a rounded coordinate.
private func cosineOfDegrees(_ degrees: Double) -> Double {
    let x = degrees * Double.pi / 180
    let x2 = x * x
    var term = 1.0
    var sum = 1.0
    for i in 1...10 {
        term *= -x2 / Double((2 * i - 1) * (2 * i))
        sum += term
    }
    return sum
}

private func digits(_ n: Int) -> Int { String(max(0, n)).count }

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

private func chineseNumber(_ n: Int) -> String {
    let words = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    return n >= 0 && n < words.count ? words[n] : String(n)
}
